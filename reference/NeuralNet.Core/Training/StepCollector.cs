namespace NeuralNet.Training;

/// <summary>
/// Collects the youngest generation between training steps, once the steps since the last collection (the
/// collector's or the runtime's own) have allocated <see cref="MinBytesPerCollection"/> and at least
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
internal sealed class StepCollector
{
    /// <summary>Least allocation between collections: about 18 steps of HW3's MLP (114 KB each).</summary>
    internal const long MinBytesPerCollection = 2L << 20;

    /// <summary>Steps of the largest size seen between collections.</summary>
    internal const int StepsPerCollection = 4;

    private long _mark = GC.GetAllocatedBytesForCurrentThread();
    private long _stepStart = GC.GetAllocatedBytesForCurrentThread();
    private readonly Func<int> _collections;
    private long _largestStep;
    private int _collectionsSeen;

    /// <summary>A collector that counts the runtime's gen0 collections.</summary>
    public StepCollector()
        : this(static () => GC.CollectionCount(0))
    {
    }

    /// <summary>A collector with its own count of gen0 collections (tests: a collection the runtime made on its own).</summary>
    internal StepCollector(Func<int> gen0Collections)
    {
        _collections = gen0Collections;
        _collectionsSeen = gen0Collections();
    }

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

    /// <summary>Call between steps, when the step's tensors are no longer referenced.</summary>
    /// <returns>whether it collected</returns>
    public bool StepDone()
    {
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

    private void Collect()
    {
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        _mark = GC.GetAllocatedBytesForCurrentThread();
        _stepStart = _mark;
        _collectionsSeen = _collections();
    }
}
