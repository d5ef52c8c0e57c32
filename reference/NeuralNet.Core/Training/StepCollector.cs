namespace NeuralNet.Training;

/// <summary>
/// Collects the youngest generation between training steps, once what was allocated since the last collection (the
/// collector's or the runtime's own; for an epoch's first step, also what the set-up or the evaluation before it
/// left, <see cref="AllocatedSinceLastCollection"/>) reaches <see cref="MinBytesPerCollection"/> and at least
/// <see cref="StepsPerCollection"/> times the largest step: then nothing of the current step is alive, and the next
/// steps reuse the same memory, still in the processor's cache.
/// </summary>
/// <remarks>
/// Why: training runs on a GC with a 256 MB gen0 budget (TrainingGc.props), so that a convolution's 8 MB
/// activations are not collected (and copied) in the middle of a step. Left to itself the GC collects only when
/// the budget is spent, so every training process touched all 256 MB, even an MLP whose step allocates 114 KB: the
/// first pass over it page-faulted and it all stayed resident (about 500 MB peak for a 784-128-10 MLP run). A
/// collection promotes what the layers still hold from the last step (their saved inputs), so steps that allocate a
/// lot are collected every few steps, about as often as the budget alone would (a CNN step allocates about 44 MB).
/// The minimum is small (2 MB) because the memory a small step allocates is cleared and written once and read
/// back at once: after a collection every 2 MB it is still in the cache, after one every 32 MB it came from main
/// memory. HW3's first MLP epoch was 0.27-0.29 s with 32 MB against 0.18-0.19 s with 2 MB; later epochs, where the
/// runtime had by then shrunk its own budget to about 2 MB, did not change. A collection the runtime made on its
/// own restarts the count, so the two do not add up. Measurements: docs/performance.md.
/// </remarks>
internal sealed class StepCollector : IDisposable
{
    /// <summary>Least allocation between collections: about 18 steps of HW3's MLP (114 KB each).</summary>
    internal const long MinBytesPerCollection = 2L << 20;

    /// <summary>
    /// Recycled arrays taken between collections. HW3 3.5's CNN step takes about 37 MB, so it collects every second
    /// step (`Benchmarks cnn-epoch`, 2026-12-07 05:50: 2.20-2.41 s per epoch, 54-57 ms of pauses, 206 MB peak working
    /// set; every step (32 MB): 331 µs per step in collections against about 195; every fourth (128 MB): 30-42 ms of
    /// pauses but 293 MB).
    /// </summary>
    internal const long MinRecycledBytesPerCollection = 64L << 20;

    /// <summary>Steps of the largest size seen between collections.</summary>
    internal const int StepsPerCollection = 4;

    // This thread's allocated-bytes count when a collector last collected on it.
    [ThreadStatic]
    private static long t_collectedUpTo;

    private long _mark = GC.GetAllocatedBytesForCurrentThread();
    private long _stepStart = GC.GetAllocatedBytesForCurrentThread();
    private readonly Func<int> _collections;
    private long _largestStep;
    private int _collectionsSeen;

    // The large arrays of this thread's steps, recycled between steps (null when an outer collector owns the pool).
    private readonly StepArrays? _arrays;

    /// <summary>
    /// A collector that counts the runtime's gen0 collections and recycles the steps' large arrays on this thread
    /// until <see cref="Dispose"/>, in <paramref name="arrays"/> (a training run passes the same pool to every epoch)
    /// or a pool of its own. Dispose it (<c>using</c>): until then every large tensor made on this thread takes a
    /// recycled array, which only this collector's steps give back.
    /// </summary>
    /// <param name="arrays">the run's pool of recycled arrays, or null for a new one</param>
    public StepCollector(StepArrays? arrays = null)
        : this(static () => GC.CollectionCount(0), recycle: true, arrays, AllocatedSinceLastCollection())
    {
    }

    /// <summary>A collector with its own count of gen0 collections (tests: a collection the runtime made on its own).</summary>
    /// <param name="gen0Collections">the count of gen0 collections</param>
    /// <param name="recycle">whether to recycle the steps' large arrays (<see cref="StepArrays"/>) on this thread</param>
    /// <param name="arrays">the pool to recycle them in, or null for a new one</param>
    /// <param name="uncollectedBefore">bytes allocated before this collector began that no collection has reclaimed
    /// yet; they count toward the first collection</param>
    internal StepCollector(Func<int> gen0Collections, bool recycle = false, StepArrays? arrays = null, long uncollectedBefore = 0)
    {
        _collections = gen0Collections;
        _collectionsSeen = gen0Collections();
        _mark -= Math.Max(0, uncollectedBefore);
        _arrays = recycle ? StepArrays.Activate(arrays) : null;
    }

    /// <summary>
    /// Bytes this thread allocated since a collector last collected on it (since the thread began, if none has): what
    /// a run's set-up (the data load, the gradient and magnitude checks) or the evaluation between epochs left.
    /// </summary>
    /// <remarks>
    /// Not counted, the first steps of an epoch allocated past that memory until their own allocations reached the
    /// minimum: after a run's set-up, into memory the process had never touched, a page fault every 4 KB (HW3's
    /// <c>MLP_lr0.01_b5</c>: about 440 of its first epoch's 810 faults, in the first 20 steps). Counted, the first
    /// step collects it and the steps after it reuse that memory (300 faults; docs/performance.md). Where the runtime
    /// collected since, this counts too much, and the first step collects a young generation that holds little.
    /// </remarks>
    internal static long AllocatedSinceLastCollection() => GC.GetAllocatedBytesForCurrentThread() - t_collectedUpTo;

    /// <summary>The recycled arrays of this collector's steps, or null.</summary>
    internal StepArrays? Arrays => _arrays;

    /// <summary>
    /// Call after the epoch's last step: collects what its steps left, so the evaluation that follows reuses that
    /// memory (HW3's MLP run peaked in the evaluation after its first epoch: 245 MB without this, 223 MB with it).
    /// </summary>
    /// <returns>whether it collected (not when nothing was allocated since the last collection)</returns>
    public bool Finish()
    {
        if (GC.GetAllocatedBytesForCurrentThread() == _mark)
        {
            return false;
        }

        Collect();
        return true;
    }

    /// <summary>Stops recycling arrays on this thread (the pool keeps them for its next activation).</summary>
    public void Dispose() => _arrays?.Deactivate();

    /// <summary>
    /// Call between steps, when the step's tensors are no longer referenced. Once the steps since the last collection
    /// have taken <see cref="MinRecycledBytesPerCollection"/> of recycled arrays, it collects gen0 and gen1 (what the
    /// layers held from the step before was promoted by the last collection) and the arrays nothing reaches any more
    /// are reused by the next steps.
    /// </summary>
    /// <returns>whether it collected</returns>
    public bool StepDone()
    {
        if (_arrays is { TakenSinceReclaim: >= MinRecycledBytesPerCollection } arrays)
        {
            var lent = arrays.Lent;
            Collect(generation: 1);
            if (arrays.Lent == lent)
            {
                // Nothing came back: the leases were promoted to gen2 (a collection during a step, or one another
                // thread made); a full collection finds them.
                Collect(generation: 2);
            }

            return true;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        _largestStep = Math.Max(_largestStep, allocated - _stepStart);
        _stepStart = allocated;
        var collections = _collections();
        if (collections != _collectionsSeen)
        {
            // The runtime collected during the last steps: what they allocated before that is already reused.
            _collectionsSeen = collections;
            _mark = allocated;
        }

        if (allocated - _mark >= Math.Max(MinBytesPerCollection, StepsPerCollection * _largestStep))
        {
            Collect();
            return true;
        }

        return false;
    }

    // With recycled arrays lent, gen1 too: the leases of what the layers held from the step before were promoted by
    // the last collection, and only a gen1 collection finds them unreachable.
    private void Collect(int generation = 0)
    {
        GC.Collect(_arrays is { Lent: > 0 } ? Math.Max(generation, 1) : generation, GCCollectionMode.Forced, blocking: true);
        _arrays?.Reclaim();
        _mark = GC.GetAllocatedBytesForCurrentThread();
        _stepStart = _mark;
        t_collectedUpTo = _mark;
        _collectionsSeen = _collections();
    }
}
