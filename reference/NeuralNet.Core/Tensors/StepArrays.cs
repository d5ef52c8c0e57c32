namespace NeuralNet;

/// <summary>
/// Recycles the large arrays of a training loop's steps on one thread: a convolution's activations and their
/// gradients (8 MB each for HW3 3.5's CNN on 32 images) are written into the arrays of the steps before instead of
/// fresh memory. Active on a thread while a <see cref="Training.StepCollector"/> runs there.
/// </summary>
/// <remarks>
/// <para>
/// An array is reused only once nothing can reach it. Every tensor over a recycled array, and every view of it,
/// holds the array's lease (a small object); the pool holds the lease weakly. Between steps, after a collection,
/// an array whose lease the collector found unreachable goes back to the free lists: no tensor, view or deferred
/// value that could read or write it is left. A tensor a layer or a test keeps across steps keeps its lease, so
/// its values never change. Raw arrays that leave a tensor (<see cref="Tensor.ToArray"/>) are copies, and the
/// library's own code uses a tensor's array only while it holds the tensor.
/// </para>
/// <para>
/// Reuse happens only between steps (<see cref="Reclaim"/> is called by the collector on the training thread, when
/// no method of the step runs), so a span taken from a tensor inside a step cannot outlive its array's lease.
/// Arrays under <see cref="MinLength"/> doubles (1 MB) are left to the GC, which reuses small memory well.
/// </para>
/// <para>
/// The arrays live on the pinned-object heap, where the GC never moves them: allocated in gen0, as the training GC
/// settings put 8 MB arrays, each new one was copied twice on its way to gen2, and `cnn-epoch` paused 250-430 ms
/// per epoch in collections against 105-143 ms (2026-12-07). A pool outlives its collectors: the trainer keeps one
/// for the whole run, so each epoch starts with the arrays of the one before.
/// </para>
/// </remarks>
internal sealed class StepArrays
{
    /// <summary>Arrays shorter than this (1 MB of doubles) are not recycled.</summary>
    internal const int MinLength = 1 << 17;

    /// <summary>Most bytes the pool tracks, lent and free (HW3 3.5's CNN uses about 80 MB); beyond it new arrays are left to the GC.</summary>
    private const long MaxBytes = 256L << 20;

    [ThreadStatic]
    private static StepArrays? t_current;

    private readonly List<(WeakReference<object> Lease, double[] Array)> _lent = [];
    private readonly Dictionary<int, Stack<double[]>> _free = [];

    // Weak references of reclaimed arrays, reused for the next leases (each new one would take a GC handle and a finalizer).
    private readonly Stack<WeakReference<object>> _spareReferences = [];
    private long _bytes;
    private bool _active;

    private StepArrays()
    {
    }

    /// <summary>The pool active on this thread, or null.</summary>
    public static StepArrays? Current => t_current;

    /// <summary>Arrays handed out and not yet found unreachable.</summary>
    public int Lent => _lent.Count;

    /// <summary>Arrays waiting for reuse.</summary>
    public int Free => _free.Values.Sum(s => s.Count);

    /// <summary>How many arrays have been handed out again after a step found them unreachable.</summary>
    public long Reused { get; private set; }

    /// <summary>Bytes handed out (new or recycled) since the last <see cref="Reclaim"/>.</summary>
    public long TakenSinceReclaim { get; private set; }

    /// <summary>
    /// Starts recycling on this thread with <paramref name="pool"/> (a training run keeps one across its epochs) or a
    /// new pool; null when a pool is already active on this thread (the outer one owns it) or when
    /// <paramref name="pool"/> is active on another thread.
    /// </summary>
    /// <param name="pool">the pool to activate, or null for a new one</param>
    public static StepArrays? Activate(StepArrays? pool = null)
    {
        if (t_current is not null)
        {
            return null;
        }

        pool ??= new StepArrays();
        lock (pool._lent)
        {
            if (pool._active)
            {
                return null;
            }

            pool._active = true;
        }

        t_current = pool;
        return pool;
    }

    /// <summary>Stops recycling on this thread; the pool keeps its arrays for the next <see cref="Activate"/>.</summary>
    public void Deactivate()
    {
        if (ReferenceEquals(t_current, this))
        {
            t_current = null;
        }

        lock (_lent)
        {
            _active = false;
        }
    }

    /// <summary>A pool for a training run, not active anywhere yet.</summary>
    public static StepArrays Create() => new();

    /// <summary>
    /// An array of <paramref name="length"/> doubles for a new tensor, recycled when one is free, with the lease the
    /// tensor and its views must hold; null when the array should come from the GC (short, or the pool is full).
    /// </summary>
    /// <param name="length">number of doubles</param>
    /// <param name="zeroed">whether the values must be 0 (a recycled array holds an earlier step's values)</param>
    public (double[] Array, object Lease)? Take(int length, bool zeroed)
    {
        if (length < MinLength)
        {
            return null;
        }

        double[] array;
        var bytes = (long)length * sizeof(double);
        if (_free.TryGetValue(length, out var free) && free.Count > 0)
        {
            array = free.Pop();
            Reused++;
            if (zeroed)
            {
                Array.Clear(array);
            }
        }
        else
        {
            if (_bytes + bytes > MaxBytes)
            {
                return null;
            }

            _bytes += bytes;
            array = zeroed ? GC.AllocateArray<double>(length, pinned: true) : GC.AllocateUninitializedArray<double>(length, pinned: true);
        }

        TakenSinceReclaim += bytes;

        var lease = new object();
        if (_spareReferences.TryPop(out var reference))
        {
            reference.SetTarget(lease);
        }
        else
        {
            reference = new WeakReference<object>(lease);
        }

        _lent.Add((reference, array));
        return (array, lease);
    }

    /// <summary>
    /// Call between steps, after a collection: arrays whose lease no tensor holds any more become free for the next
    /// steps. Returns how many did.
    /// </summary>
    public int Reclaim()
    {
        TakenSinceReclaim = 0;
        var reclaimed = 0;
        var kept = 0;
        for (var i = 0; i < _lent.Count; i++)
        {
            var (lease, array) = _lent[i];
            if (lease.TryGetTarget(out _))
            {
                _lent[kept++] = _lent[i];
                continue;
            }

            reclaimed++;
            _spareReferences.Push(lease);
            if (!_free.TryGetValue(array.Length, out var free))
            {
                _free[array.Length] = free = new Stack<double[]>();
            }

            free.Push(array);
        }

        _lent.RemoveRange(kept, _lent.Count - kept);
        return reclaimed;
    }
}
