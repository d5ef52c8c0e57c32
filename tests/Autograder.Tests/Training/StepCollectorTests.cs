using NeuralNet.Training;

namespace Autograder.Tests.Training;

/// <summary>
/// The trainer collects gen0 between steps once <see cref="StepCollector.MinBytesPerCollection"/> have been allocated
/// since the last collection, its own or the runtime's (and a few steps of the largest size), so a training process
/// neither touches (and keeps resident) the whole 256 MB gen0 budget of TrainingGc.props nor walks through memory that
/// has left the cache. The collector counts gen0 collections through a function here, so another test's allocations
/// (which can make the runtime collect at any moment) do not move these tests' steps.
/// </summary>
public sealed class StepCollectorTests
{
    private const int StepBytes = 256 << 10;

    [Fact]
    public void StepDone_CollectsOnceTheMinimumIsAllocated_NotBefore()
    {
        var collector = new StepCollector(() => 0);

        // 256 KB steps, about what a few small-batch MLP steps allocate (4 x 64 KB arrays each): no collection while the
        // steps since the last one allocated less than the minimum, one at the step that reaches it.
        var steps = (int)(StepCollector.MinBytesPerCollection / StepBytes);
        var collected = Enumerable.Range(0, steps + 1).Select(_ => Step(collector)).ToList();

        Assert.DoesNotContain(true, collected.Take(steps - 1));
        Assert.Contains(true, collected.Skip(steps - 1));
    }

    [Fact]
    public void StepDone_AfterTheRuntimeCollectedOnItsOwn_CountsFromThere()
    {
        var runtimeCollections = 0;
        var collector = new StepCollector(() => runtimeCollections);
        var steps = (int)(StepCollector.MinBytesPerCollection / StepBytes);

        // Just under the minimum, then the runtime collects (its own budget spent): the steps before it are not counted
        // again, so the collector waits for another minimum's worth instead of collecting one step later.
        var before = Enumerable.Range(0, steps - 1).Select(_ => Step(collector)).ToList();
        runtimeCollections++;
        var after = Enumerable.Range(0, steps + 1).Select(_ => Step(collector)).ToList();

        Assert.DoesNotContain(true, before);
        Assert.DoesNotContain(true, after.Take(steps - 1));
        Assert.Contains(true, after.Skip(steps - 1));
    }

    [Fact]
    public void StepDone_LargeSteps_WaitForAboutFourOfTheLargest()
    {
        var collector = new StepCollector(() => 0);
        var large = (int)StepCollector.MinBytesPerCollection;

        // Steps of the minimum's size: max(minimum, 4 x step) = four steps, so no collection at the first step, which
        // alone reaches the minimum; one about four steps in (the fourth or, where it allocated a few bytes less than
        // the largest, the fifth).
        var collected = Enumerable.Range(0, 5).Select(step =>
        {
            _ = GC.AllocateUninitializedArray<byte>(large);
            return collector.StepDone();
        }).ToList();

        Assert.Equal([false, false, false], collected.Take(3));
        Assert.Contains(true, collected.Skip(3));
    }

    [Fact]
    public void StepDone_WhatTheSetUpLeftUncollected_CountsTowardTheFirstCollection()
    {
        // A run's set-up (data load, checks) left a minimum's worth in the young generation: the first step collects
        // it, so the steps after it reuse that memory instead of allocating past it into memory never touched.
        var collector = new StepCollector(() => 0, uncollectedBefore: StepCollector.MinBytesPerCollection);
        var fresh = new StepCollector(() => 0, uncollectedBefore: StepCollector.MinBytesPerCollection / 2);

        Assert.True(Step(collector));
        Assert.False(Step(fresh));
    }

    [Fact]
    public void AllocatedSinceLastCollection_CountsFromTheThreadsLastCollectorCollection()
    {
        using (var last = new StepCollector(static () => GC.CollectionCount(0), recycle: true, uncollectedBefore: 0))
        {
            Step(last);
            Assert.True(last.Finish());
        }

        var justAfter = StepCollector.AllocatedSinceLastCollection();
        for (var i = 0; i < 64; i++)
        {
            _ = GC.AllocateUninitializedArray<byte>(64 << 10);
        }

        var later = StepCollector.AllocatedSinceLastCollection();

        // What the evaluation between two epochs allocates, say: the next epoch's collector collects at its first step.
        Assert.InRange(justAfter, 0, 64 << 10);
        Assert.InRange(later, 4 << 20, (4 << 20) + (256 << 10));
        using var next = new StepCollector();
        Assert.True(next.StepDone());
    }

    [Fact]
    public void Finish_CollectsWhatTheLastStepsLeft_OnlyWhenTheyAllocated()
    {
        // Nothing counted from before (the test process's own garbage would make the first step collect).
        using var collector = new StepCollector(static () => GC.CollectionCount(0), recycle: true, uncollectedBefore: 0);
        for (var i = 0; i < 4; i++)
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

    private static bool Step(StepCollector collector)
    {
        for (var i = 0; i < StepBytes / (64 << 10); i++)
        {
            _ = GC.AllocateUninitializedArray<byte>(64 << 10);
        }

        return collector.StepDone();
    }
}
