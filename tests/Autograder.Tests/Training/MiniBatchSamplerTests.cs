using NeuralNet;
using NeuralNet.Training;

namespace Autograder.Tests.Training;

public sealed class MiniBatchSamplerTests
{
    private static (Tensor X, int[] Labels) RowsNumbered(int n) =>
        (Tensor.FromArray([.. Enumerable.Range(0, n * 2).Select(i => (double)(i / 2))], n, 2), [.. Enumerable.Range(0, n)]);

    [Fact]
    public void Batch_OneEpoch_VisitsEveryExampleOnceWithMatchingLabels()
    {
        var (x, labels) = RowsNumbered(23);
        var sampler = new MiniBatchSampler(x, labels, 5, dropLast: false, shuffle: true, new Rng(1));
        sampler.NextEpoch();

        var seen = new List<int>();
        for (var b = 0; b < sampler.BatchesPerEpoch; b++)
        {
            var (xb, yb) = sampler.Batch(b);
            for (var i = 0; i < yb.Length; i++)
            {
                Assert.Equal(yb[i], xb[i, 0]);
                seen.Add(yb[i]);
            }
        }

        Assert.Equal(5, sampler.BatchesPerEpoch);
        Assert.Equal(Enumerable.Range(0, 23), seen.Order());
        Assert.NotEqual(Enumerable.Range(0, 23), seen);
    }

    [Fact]
    public void BatchesPerEpoch_DropLast_IsFloorOfNOverB()
    {
        var (x, labels) = RowsNumbered(23);

        Assert.Equal(4, new MiniBatchSampler(x, labels, 5, dropLast: true, shuffle: true, new Rng(1)).BatchesPerEpoch);
    }

    [Fact]
    public void NextEpoch_NoShuffle_KeepsFileOrder()
    {
        var (x, labels) = RowsNumbered(6);
        var sampler = new MiniBatchSampler(x, labels, 4, dropLast: false, shuffle: false, new Rng(1));
        sampler.NextEpoch();

        Assert.Equal([0, 1, 2, 3], sampler.Batch(0).Labels);
        Assert.Equal([4, 5], sampler.Batch(1).Labels);
    }

    [Fact]
    public void NextEpoch_SameSeed_SameOrder_DifferentEpochs_DifferentOrder()
    {
        var (x, labels) = RowsNumbered(50);
        var a = new MiniBatchSampler(x, labels, 5, true, true, new Rng(7));
        var b = new MiniBatchSampler(x, labels, 5, true, true, new Rng(7));
        a.NextEpoch();
        b.NextEpoch();
        var first = a.Order.ToArray();

        Assert.Equal(first, b.Order.ToArray());
        a.NextEpoch();
        Assert.NotEqual(first, a.Order.ToArray());
    }
}
