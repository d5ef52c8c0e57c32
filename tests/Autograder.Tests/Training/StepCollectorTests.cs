using NeuralNet.Training;

namespace Autograder.Tests.Training;

/// <summary>
/// The trainer collects gen0 between steps once <see cref="StepCollector.MinBytesPerCollection"/> have been allocated
/// (and a few steps of the largest size), so a training process does not touch (and keep resident) the whole 256 MB gen0 budget of TrainingGc.props.
/// </summary>
public sealed class StepCollectorTests
{
    [Fact]
    public void StepDone_CollectsOnceTheMinimumIsAllocated_NotBefore()
    {
        var collector = new StepCollector();

        // 1 MB steps, as a small-batch MLP makes them (16 x 64 KB arrays each, small-object heap): no collection while
        // the steps since the last one allocated less than the minimum, one at the step that reaches it.
        var steps = (int)(StepCollector.MinBytesPerCollection >> 20);
        var collected = new List<bool>();
        for (var step = 0; step < steps + 1; step++)
        {
            for (var i = 0; i < 16; i++)
            {
                _ = GC.AllocateUninitializedArray<byte>(64 << 10);
            }

            collected.Add(collector.StepDone());
        }

        Assert.DoesNotContain(true, collected.Take(steps - 1));
        Assert.Contains(true, collected.Skip(steps - 1));
    }

    [Fact]
    public void StepDone_LargeSteps_WaitForAboutFourOfTheLargest()
    {
        var collector = new StepCollector();
        var large = (int)(StepCollector.MinBytesPerCollection / 2);

        // Steps of 16 MB: max(32 MB, 4 x 16 MB) = 64 MB, so no collection at 32 MB as for small steps; one about four
        // steps in (the fourth or, where it allocated a few bytes less than the largest, the fifth).
        var collected = Enumerable.Range(0, 5).Select(step =>
        {
            _ = GC.AllocateUninitializedArray<byte>(large);
            return collector.StepDone();
        }).ToList();

        Assert.Equal([false, false, false], collected.Take(3));
        Assert.Contains(true, collected.Skip(3));
    }

    [Fact]
    public void Finish_CollectsWhatTheLastStepsLeft_OnlyWhenTheyAllocated()
    {
        var collector = new StepCollector();
        for (var i = 0; i < 16; i++)
        {
            _ = GC.AllocateUninitializedArray<byte>(64 << 10);
        }

        Assert.False(collector.StepDone());
        var before = GC.CollectionCount(0);
        var first = collector.Finish();
        var collections = GC.CollectionCount(0);
        var second = collector.Finish(); // nothing allocated since the first: no second collection
        var after = GC.CollectionCount(0);

        Assert.True(first);
        Assert.Equal(before + 1, collections);
        Assert.False(second);
        Assert.Equal(collections, after);
    }
}
