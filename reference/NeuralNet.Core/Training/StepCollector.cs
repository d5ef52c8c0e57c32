namespace NeuralNet.Training;

/// <summary>
/// Collects the youngest generation between training steps, once a step or more has allocated
/// <see cref="BytesPerCollection"/>: then nothing a step made is alive, so the collection promotes nothing and the
/// next steps reuse the same, already mapped, memory.
/// </summary>
/// <remarks>
/// Why: training runs on a GC with a 256 MB gen0 budget (TrainingGc.props), so that a convolution's 8 MB
/// activations are not collected (and copied) in the middle of a step. Left to itself the GC collects only when
/// the budget is spent, so every training process touched all 256 MB: the first pass over it page-faulted (about
/// 0.3 s of HW3's first MLP epoch) and stayed in the resident set (about 500 MB peak for a 784-128-10 MLP run).
/// Collecting at step boundaries keeps both bounded by a step's own allocation. Measurements: docs/performance.md.
/// </remarks>
internal sealed class StepCollector
{
    /// <summary>Allocation between collections: a few hundred MLP steps, or one convolution step.</summary>
    internal const long BytesPerCollection = 32L << 20;

    private long _mark = GC.GetAllocatedBytesForCurrentThread();

    /// <summary>Call between steps, when the step's tensors are no longer referenced.</summary>
    public void StepDone()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (allocated - _mark >= BytesPerCollection)
        {
            GC.Collect(0, GCCollectionMode.Forced, blocking: true);
            _mark = allocated;
        }
    }
}
