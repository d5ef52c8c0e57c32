using Autograder.Tests.Gradients;
using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Layers;

namespace Autograder.Tests.Layers;

public sealed class ReluTests
{
    [Fact]
    public void Forward_ClampsNegativesToZero()
    {
        var x = Tensor.From(new double[,] { { -2, 0, 3 }, { 1.5, -0.1, 0 } });
        Assert.Equal(new double[] { 0, 0, 3, 1.5, 0, 0 }, new Relu().Forward(x).ToArray());
    }

    [Fact]
    public void Backward_ReluAtZero_GivesZeroGradient()
    {
        var x = Tensor.From(new double[,] { { -2, 0, 3 } });
        var g = Tensor.From(new double[,] { { 5, 6, 7 } });
        Assert.Equal(new double[] { 0, 0, 7 }, new Relu().Backward(x, g).ToArray());
    }

    [Fact]
    public void Backward_DoesNotNeedForwardFirst()
    {
        var relu = new Relu();
        var x = Tensor.From(new double[,] { { 1, -1 } });
        Assert.Equal(new double[] { 2, 0 }, relu.Backward(x, Tensor.Full(2, 1, 2)).ToArray());
    }

    [Fact]
    public void Backward_MatchesNumericalGradient()
    {
        // |x| >= 0.1 keeps the central difference away from the kink.
        var x = Tensor.RandomNormal([4, 6], 0, 1, new Rng(5)).Map(v => v >= 0 ? v + 0.1 : v - 0.1);
        Assert.True(ModuleGradients.WorstRelError(new Relu(), x) < GradientTolerances.Relu);
    }

    [Fact]
    public void Backward_GradientShapeMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Relu().Backward(Tensor.Zeros(2, 3), Tensor.Zeros(3, 2)));
    }
}
