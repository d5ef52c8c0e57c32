using NeuralNet;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class LayerNormTests
{
    [Fact]
    public void Backward_SmallInput_MatchesNumericalGradient()
    {
        var rng = new Rng(31);
        var norm = new LayerNorm(4);
        // Non-trivial gamma and beta so their gradients and the gamma factor in dx are exercised.
        norm.Gamma.Value.CopyFrom(Tensor.RandomNormal([4], 1, 0.5, rng));
        norm.Beta.Value.CopyFrom(Tensor.RandomNormal([4], 0, 0.5, rng));
        GradCheck.AssertModuleGradients(norm, Tensor.RandomNormal([2, 3, 4], 0, 2, rng), rng);
    }

    [Fact]
    public void Forward_InitialParameters_GiveZeroMeanUnitVariancePerPosition()
    {
        var rng = new Rng(32);
        var y = new LayerNorm(8).Forward(Tensor.RandomNormal([2, 3, 8], 5, 3, rng));
        var mean = y.Mean(-1);
        var variance = (y * y).Mean(-1) - mean * mean;
        Assert.True(mean.AllClose(Tensor.Zeros(2, 3), 0, 1e-12));
        // Biased variance with eps: var / (var + 1e-5), just under 1.
        Assert.True(variance.AllClose(Tensor.Ones(2, 3), 0, 1e-5));
    }

    [Fact]
    public void Forward_MatchesHandComputedValues()
    {
        // x = (1, 3): mean 2, biased variance 1, x_hat = (-1, 1) / sqrt(1 + 1e-5).
        var norm = new LayerNorm(2);
        norm.Gamma.Value.CopyFrom(Tensor.From([2.0, 3.0]));
        norm.Beta.Value.CopyFrom(Tensor.From([0.5, -0.5]));
        var y = norm.Forward(Tensor.FromArray([1.0, 3.0], 1, 1, 2));
        var s = 1.0 / Math.Sqrt(1.0 + LayerNorm.Eps);
        Assert.Equal(-2.0 * s + 0.5, y[0, 0, 0], 12);
        Assert.Equal(3.0 * s - 0.5, y[0, 0, 1], 12);
    }

    [Fact]
    public void Forward_WrongLastAxis_NamesExpectedShape()
    {
        var e = Assert.Throws<ArgumentException>(() => new LayerNorm(4).Forward(Tensor.Zeros(2, 3)));
        Assert.Contains("(..., 4)", e.Message, StringComparison.Ordinal);
    }
}
