using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>Tensor.MultiplyByIndicator: the bits of <c>values * (x &gt; threshold)</c>, in one pass.</summary>
public sealed class IndicatorTests
{
    [Theory]
    [InlineData(0.0, 1000)]
    [InlineData(0.25, 37)] // a vector tail
    [InlineData(-1.0, 8)]
    public void MultiplyByIndicator_GivesTheBitsOfTimesTheMask(double threshold, int length)
    {
        var rng = new Rng(3);
        var special = new[] { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, threshold, -3.5 };
        var values = new double[length];
        var x = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = i % 5 == 0 ? special[(i / 5) % special.Length] : rng.NextNormal();
            x[i] = i % 3 == 0 ? special[(i / 3) % special.Length] : rng.NextNormal();
        }

        var (v, c) = (Tensor.FromArray(values, length), Tensor.FromArray(x, length));
        var expected = (v * (c > threshold)).ToArray();
        var actual = v.MultiplyByIndicator(c, threshold).ToArray();

        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void MultiplyByIndicator_ReadsViews_AndKeepsTheShape()
    {
        var values = Tensor.RandomNormal([6, 4], 0, 1, new Rng(1)).T;
        var x = Tensor.RandomNormal([4, 6], 0, 1, new Rng(2));

        var result = values.MultiplyByIndicator(x, 0.0);

        Assert.Equal(new[] { 4, 6 }, result.Shape);
        Assert.Equal((values * (x > 0.0)).ToArray(), result.ToArray());
    }

    [Fact]
    public void MultiplyByIndicator_OtherShape_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).MultiplyByIndicator(Tensor.Zeros(3, 2), 0.0));
        Assert.Contains("(3, 2)", error.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3)", error.Message, StringComparison.Ordinal);
    }
}
