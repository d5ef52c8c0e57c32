using System.Runtime.CompilerServices;
using NeuralNet;
using NeuralNet.Losses;
using NeuralNet.Models.Hw3;
using NeuralNet.Optimizers;
using NeuralNet.Training;

namespace Autograder.Tests.Tensors;

/// <summary>
/// Large arrays recycled between training steps (StepArrays, driven by StepCollector): an array is written again
/// only when no tensor or view of it is left, recycled zeros are zeros, and training gives the same bits with and
/// without recycling.
/// </summary>
public sealed class StepArraysTests
{
    // 8 MB arrays; each step below takes enough of them that every StepDone collects and reclaims.
    private const int Large = 1 << 20;

    private const int PerStep = (int)(StepCollector.MinRecycledBytesPerCollection / (Large * sizeof(double)));

    [Fact]
    public void HeldViews_KeepTheirValues_WhileLaterStepsRecycleArraysOfTheSameSize()
    {
        using var collector = new StepCollector();
        var (reshaped, transposed, slice) = Views();
        var expected = (reshaped.ToArray(), transposed.ToArray(), slice.ToArray());
        collector.StepDone();
        for (var step = 0; step < 6; step++)
        {
            Churn(step);
            collector.StepDone();
        }

        Assert.True(collector.Arrays!.Reused > 0, "the steps should have reused arrays");
        Assert.Equal(expected.Item1, reshaped.ToArray());
        Assert.Equal(expected.Item2, transposed.ToArray());
        Assert.Equal(expected.Item3, slice.ToArray());
    }

    [Fact]
    public void RecycledZeros_AreZero()
    {
        using var collector = new StepCollector();
        Churn(7);
        collector.StepDone();
        var reusedBefore = collector.Arrays!.Reused;

        var zeros = Tensor.Zeros(Large);

        Assert.Equal(reusedBefore + 1, collector.Arrays.Reused);
        Assert.All(zeros.ToArray(), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void AnArrayStillHeld_IsNotReclaimed_AndOneDropped_Is()
    {
        using var collector = new StepCollector();
        var held = Filled(3.0);
        Churn(1);
        collector.StepDone();

        // A collection another test's allocations start while a dropped tensor is still in use can promote its lease
        // to gen2, which StepDone's gen1 collection does not reach (it collects gen2 only when nothing came back; one
        // run of the suite saw 3 arrays lent here): a full collection settles where every lease is, and the held
        // array must still be the only one lent.
        GC.Collect();
        collector.Arrays!.Reclaim();

        Assert.Equal(1, collector.Arrays.Lent);
        Assert.Equal(PerStep, collector.Arrays.Free);
        Assert.All(held.ToArray(), v => Assert.Equal(3.0, v));
    }

    [Fact]
    public void Collector_ActivatesOnlyOnItsThread_AndNotInsideAnother()
    {
        Assert.Null(StepArrays.Current);
        using (var outer = new StepCollector())
        {
            Assert.Same(outer.Arrays, StepArrays.Current);
            using var inner = new StepCollector();
            Assert.Null(inner.Arrays);
            var other = outer.Arrays;
            var thread = new Thread(() => other = StepArrays.Current);
            thread.Start();
            thread.Join();
            Assert.Null(other);
        }

        Assert.Null(StepArrays.Current);
        using var next = new StepCollector(); // the thread is free for the next run
        Assert.Same(next.Arrays, StepArrays.Current);
    }

    [Fact]
    public void Hw3CnnTraining_WithRecycledArrays_GivesTheBitsOfTrainingWithout()
    {
        var (recycledModel, reused) = TrainCnn(recycle: true);
        var (plainModel, _) = TrainCnn(recycle: false);

        Assert.True(reused > 0, "the CNN's 8 MB activations should have been recycled");
        foreach (var (a, b) in recycledModel.Zip(plainModel))
        {
            Assert.Equal(b, a);
        }
    }

    private static (List<double[]> Parameters, long Reused) TrainCnn(bool recycle)
    {
        var rng = new Rng(4);
        var model = Hw3OodModels.TwoLayerCnn(new Rng(2));
        var chain = model.ToLayerChain();
        var loss = new SoftmaxCrossEntropy();
        using var collector = recycle ? new StepCollector() : new StepCollector(static () => GC.CollectionCount(0), recycle: false);
        for (var step = 0; step < 5; step++)
        {
            var x = Tensor.RandomUniform([32, 784], 0, 1, rng);
            var y = Enumerable.Range(0, 32).Select(_ => rng.NextInt(10)).ToArray();
            chain.Backward(loss.Backward(chain.Forward(x, training: true), y));
            Sgd.Update(chain.Parameters, 0.01);
            collector.StepDone();
        }

        return ([.. chain.Parameters.Select(p => p.Value.ToArray())], collector.Arrays?.Reused ?? 0);
    }

    // Views of an 8 MB tensor whose own reference is dropped when this returns.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Tensor Reshaped, Tensor Transposed, Tensor Slice) Views()
    {
        var t = Filled(5.0) + Tensor.RandomUniform([Large], 0, 1, new Rng(9));
        return (t.Reshape(1024, 1024), t.Reshape(512, 2048).T, t.Reshape(1024, 1024).Slice(3, 10));
    }

    // PerStep 8 MB tensors that nothing holds after this returns.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Churn(int step)
    {
        var a = Tensor.Zeros(Large);
        a.Fill(step + 100.0);
        for (var i = 1; i < PerStep; i++)
        {
            a += 1.0;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tensor Filled(double value)
    {
        var t = Tensor.Zeros(Large);
        t.Fill(value);
        return t;
    }
}
