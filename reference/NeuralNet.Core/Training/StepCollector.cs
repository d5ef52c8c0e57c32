namespace NeuralNet.Training;

/// <summary>
/// Collects the youngest generation between training steps, once the steps since the last collection have allocated
/// <see cref="MinBytesPerCollection"/> and at least <see cref="StepsPerCollection"/> times the largest step: then
/// nothing of the current step is alive, and the next steps reuse the same, already mapped, memory.
/// </summary>
/// <remarks>
/// Why: training runs on a GC with a 256 MB gen0 budget (TrainingGc.props), so that a convolution's 8 MB
/// activations are not collected (and copied) in the middle of a step. Left to itself the GC collects only when
/// the budget is spent, so every training process touched all 256 MB, even an MLP whose step allocates 1 MB: the
/// first pass over it page-faulted (part of HW3's slow first MLP epoch) and it all stayed resident (about 500 MB
/// peak for a 784-128-10 MLP run, about 345 MB with this). A collection promotes what the layers still hold from the
/// last step (their saved inputs), so steps that allocate a lot are collected every few steps, about as often as
/// the budget alone would (a CNN step allocates about 55 MB). Measurements: docs/performance.md.
/// </remarks>
internal sealed class StepCollector
{
    /// <summary>Least allocation between collections: a few dozen MLP steps.</summary>
    internal const long MinBytesPerCollection = 32L << 20;

    /// <summary>Steps of the largest size seen between collections.</summary>
    internal const int StepsPerCollection = 4;

    private long _mark = GC.GetAllocatedBytesForCurrentThread();
    private long _stepStart = GC.GetAllocatedBytesForCurrentThread();
    private long _largestStep;

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
    }
}
