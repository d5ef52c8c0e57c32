using NeuralNet.Training;

namespace Autograder.Tests.Training;

/// <summary>
/// The trainer collects gen0 between steps once <see cref="StepCollector.MinBytesPerCollection"/> have been allocated,
/// (and a few steps of the largest size), so a training process does not touch (and keep resident) the whole 256 MB gen0 budget of TrainingGc.props.
/// </summary>
public sealed class StepCollectorTests
{
    [Fact]
    public void StepDone_AfterSmallStepsAllocatingTheMinimum_CollectsGen0()
    {
        var collector = new StepCollector();
        var before = GC.CollectionCount(0);

        // 1 MB steps, as a small-batch MLP makes them: a collection once the minimum is reached.
        for (var step = 0; step <= StepCollector.MinBytesPerCollection >> 20; step++)
        {
            _ = GC.AllocateUninitializedArray<byte>(1 << 20);
            collector.StepDone();
        }

        Assert.True(GC.CollectionCount(0) > before, "no gen0 collection after steps that allocated the minimum");
    }
}
