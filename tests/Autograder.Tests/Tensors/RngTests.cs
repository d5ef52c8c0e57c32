using NeuralNet;

namespace Autograder.Tests.Tensors;

public sealed class RngTests
{
    [Fact]
    public void SameSeed_GivesSameStream_DifferentSeed_DoesNot()
    {
        var a = new Rng(42);
        var b = new Rng(42);
        var c = new Rng(43);
        var sa = Enumerable.Range(0, 5).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(sa, Enumerable.Range(0, 5).Select(_ => b.NextUInt64()).ToArray());
        Assert.NotEqual(sa, Enumerable.Range(0, 5).Select(_ => c.NextUInt64()).ToArray());
    }

    [Fact]
    public void Stream_IsPinnedAcrossPlatforms()
    {
        // Golden value from an independent xoshiro256** + SplitMix64 implementation; a change here
        // changes every seeded experiment and grader input.
        var rng = new Rng(2024);
        Assert.Equal(0x0E48_715A_13D7_772EUL, rng.NextUInt64());
        var normal = new Rng(2024).NextNormal();
        Assert.Equal(BitConverter.DoubleToInt64Bits(normal), BitConverter.DoubleToInt64Bits(new Rng(2024).NextNormal()));
    }

    [Fact]
    public void NextNormal_HasRequestedMoments()
    {
        var rng = new Rng(1);
        var x = Tensor.RandomNormal([200_000], 0, 0.1, rng);
        Assert.InRange(x.Mean(), -0.001, 0.001);
        Assert.InRange(Math.Sqrt(x.Square().Mean()), 0.099, 0.101);
    }

    [Fact]
    public void NextInt_StaysInRangeAndCoversIt()
    {
        var rng = new Rng(5);
        var counts = new int[7];
        for (var i = 0; i < 70_000; i++)
        {
            counts[rng.NextInt(7)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Fact]
    public void Permutation_ContainsEveryIndexOnce()
    {
        var p = new Rng(9).Permutation(1000);
        Assert.Equal(Enumerable.Range(0, 1000), p.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), p);
    }

    [Theory]
    [InlineData(1e-300)]
    [InlineData(0.1)]
    [InlineData(0.7071)]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(123456.789)]
    [InlineData(4.9e-324)]
    public void PortableLog_AgreesWithMathLog(double x)
    {
        var expected = Math.Log(x);
        Assert.InRange(PortableMath.Log(x), expected - Math.Abs(expected) * 4e-16 - 1e-300, expected + Math.Abs(expected) * 4e-16 + 1e-300);
    }
}
