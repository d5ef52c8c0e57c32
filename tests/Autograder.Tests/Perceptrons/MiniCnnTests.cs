using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Perceptrons;

namespace Autograder.Tests.Perceptrons;

public sealed class MiniCnnTests
{
    private static double Numeric(Func<double, MiniCnn> withValue, double value, double[] x, int y, double eps = 1e-6) =>
        (withValue(value + eps).Loss(x, y) - withValue(value - eps).Loss(x, y)) / (2 * eps);

    [Theory]
    [InlineData(1.0, -0.5, 2.0, 0.7, 1)]
    [InlineData(0.3, 0.8, -1.1, 0.4, -1)]
    [InlineData(-0.6, 0.2, 0.9, -1.3, 1)]
    public void Gradients_MatchNumericalDerivatives(double w1, double w2, double v1, double v2, int y)
    {
        double[] x = [0.5, -1.5, 2.0];
        var net = new MiniCnn(w1, w2, v1, v2);
        var g = net.Gradients(x, y);
        Assert.True(GradientChecker.RelError(g.DW1, Numeric(v => new MiniCnn(v, w2, v1, v2), w1, x, y)) < 1e-7);
        Assert.True(GradientChecker.RelError(g.DW2, Numeric(v => new MiniCnn(w1, v, v1, v2), w2, x, y)) < 1e-7);
        Assert.True(GradientChecker.RelError(g.DV1, Numeric(v => new MiniCnn(w1, w2, v, v2), v1, x, y)) < 1e-7);
        Assert.True(GradientChecker.RelError(g.DV2, Numeric(v => new MiniCnn(w1, w2, v1, v), v2, x, y)) < 1e-7);
    }

    [Fact]
    public void Forward_FollowsTheProblemsEquations()
    {
        var f = new MiniCnn(1, 2, 3, 4).Forward([1, -1, 2]);
        Assert.Equal(new MiniCnnForward(-1, 3, 0, 3, 12), f);
    }

    [Fact]
    public void Step_UsesOldVForTheFilterUpdate()
    {
        double[] x = [1, 2, 3];
        var net = new MiniCnn(0.5, 0.5, 1, 1);
        var g = net.Gradients(x, -1);
        net.Step(x, -1, 0.1);
        Assert.Equal(0.5 - 0.1 * g.DW1, net.W1, 15);
        Assert.Equal(1 - 0.1 * g.DV2, net.V2, 15);
    }

    [Fact]
    public void Train_LowersTheAverageLoss()
    {
        double[][] x = [[1, 2, 0], [0, 1, 2], [-1, -2, 0], [0, -1, -2]];
        int[] y = [1, 1, -1, -1];
        var net = new MiniCnn(0.1, 0.2, 0.3, -0.1);
        var before = x.Select((xi, i) => net.Loss(xi, y[i])).Average();
        net.Train(x, y, 200, 0.1, new Rng(2));
        // The negative examples start with both ReLUs off (zero gradient), so only the positive ones can improve.
        Assert.True(x.Select((xi, i) => net.Loss(xi, y[i])).Average() < 0.6 * before);
    }

    [Fact]
    public void Loss_LargeMargins_StayFinite()
    {
        var net = new MiniCnn(100, 100, 100, 100);
        Assert.Equal(0.0, net.Loss([1, 1, 1], 1), 12);
        Assert.Equal(40000.0, net.Loss([1, 1, 1], -1), 6);
    }
}
