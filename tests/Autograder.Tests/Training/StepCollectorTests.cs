using NeuralNet.Training;

namespace Autograder.Tests.Training;

/// <summary>
/// The trainer collects gen0 between steps once <see cref="StepCollector.BytesPerCollection"/> have been allocated,
/// so a training process does not touch (and keep resident) the whole 256 MB gen0 budget of TrainingGc.props.
/// </summary>
public sealed class StepCollectorTests
{
    [Fact]
    public void StepDone_AfterABudgetOfAllocation_CollectsGen0()
    {
        var collector = new StepCollector();
        var before = GC.CollectionCount(0);
        var garbage = 0L;
        while (garbage < StepCollector.BytesPerCollection)
        {
            garbage += GC.AllocateUninitializedArray<byte>(1 << 20).Length;
        }

        collector.StepDone();

        Assert.True(GC.CollectionCount(0) > before, "no gen0 collection after a step that allocated the budget");
    }
}
