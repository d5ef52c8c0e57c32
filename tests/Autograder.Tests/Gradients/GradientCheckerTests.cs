using NeuralNet;
using NeuralNet.Gradients;

namespace Autograder.Tests.Gradients;

public sealed class GradientCheckerTests
{
    [Fact]
    public void ApproximateEntry_Cubic_IsCentralDifferenceAndRestoresTheEntry()
    {
        var w = Tensor.From(new double[,] { { 2, 5 } });
        var approx = GradientChecker.ApproximateEntry(() => Math.Pow(w[0, 0], 3), w, [0, 0]);
        // ((2 + e)^3 - (2 - e)^3) / (2e) = 3*4 + e^2 with e = 1e-3
        Assert.Equal(12.0 + 1e-6, approx, 10);
        Assert.Equal(2.0, w[0, 0]);
    }

    [Fact]
    public void NumericalGradient_OfSumOfSquares_IsTwiceX()
    {
        var x = Tensor.From(new double[,] { { 1, -2 }, { 0.5, 3 } });
        var grad = GradientChecker.NumericalGradient(() => x.Square().Sum(), x, 1e-5);
        Assert.True(grad.AllClose(x * 2.0, 1e-8, 1e-8));
        Assert.Equal(new double[] { 1, -2, 0.5, 3 }, x.ToArray());
    }

    [Fact]
    public void RelError_UsesSumOfMagnitudesWithFloor()
    {
        Assert.Equal(0.5 / 2.5, GradientChecker.RelError(1.0, 1.5), 15);
        Assert.Equal(0.0, GradientChecker.RelError(0.0, 0.0));
        Assert.Equal(1e-9 / 1e-8, GradientChecker.RelError(1e-9, 0.0), 12);
    }

    [Fact]
    public void RelError_OfTensors_IsTheWorstEntry()
    {
        var a = Tensor.From([1.0, 2.0, 3.0]);
        var b = Tensor.From([1.0, 2.2, 3.0]);
        Assert.Equal(0.2 / 4.2, GradientChecker.RelError(a, b), 12);
    }

    [Fact]
    public void RelError_ShapeMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => GradientChecker.RelError(Tensor.Zeros(2), Tensor.Zeros(3)));
    }
}
