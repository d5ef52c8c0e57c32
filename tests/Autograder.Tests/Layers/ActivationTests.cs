using Autograder.Tests.Gradients;
using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Layers;

namespace Autograder.Tests.Layers;

public sealed class ActivationTests
{
    [Fact]
    public void SigmoidForward_KnownValues()
    {
        var s = new Sigmoid().Forward(Tensor.From([0.0, Math.Log(3)]));
        Assert.Equal(0.5, s[0], 15);
        Assert.Equal(0.75, s[1], 15);
    }

    [Fact]
    public void SigmoidBackward_AtZero_IsQuarterOfGradient()
    {
        Assert.Equal(0.5, new Sigmoid().Backward(Tensor.From([0.0]), Tensor.From([2.0]))[0], 15);
    }

    [Fact]
    public void SigmoidBackward_MatchesNumericalGradient()
    {
        var x = Tensor.RandomNormal([3, 4], 0, 2, new Rng(1));
        Assert.True(ModuleGradients.WorstRelError(new Sigmoid(), x) < GradientTolerances.Sigmoid);
    }

    [Fact]
    public void TanhForward_KnownValues()
    {
        var t = new Tanh().Forward(Tensor.From([0.0, 1.0]));
        Assert.Equal(0.0, t[0]);
        Assert.Equal(Math.Tanh(1.0), t[1], 15);
    }

    [Fact]
    public void TanhBackward_MatchesNumericalGradient()
    {
        var x = Tensor.RandomNormal([3, 4], 0, 1, new Rng(2));
        Assert.True(ModuleGradients.WorstRelError(new Tanh(), x) < GradientTolerances.Tanh);
    }

    [Fact]
    public void SoftmaxForward_RowsSumToOneEvenForHugeLogits()
    {
        var z = new Softmax().Forward(Tensor.From(new double[,] { { 1000, 1000 }, { 0, Math.Log(3) } }));
        Assert.Equal(new double[] { 0.5, 0.5 }, z.Rows([0]).ToArray());
        Assert.Equal(0.75, z[1, 1], 15);
    }

    [Fact]
    public void SoftmaxBackward_MatchesNumericalGradient()
    {
        var x = Tensor.RandomNormal([3, 5], 0, 1, new Rng(3));
        Assert.True(ModuleGradients.WorstRelError(new Softmax(), x) < GradientTolerances.Softmax);
    }

    [Fact]
    public void SoftmaxJacobian_IsDiagMinusOuterProduct()
    {
        var j = Softmax.Jacobian(Tensor.From([0.0, Math.Log(3)])); // s = (0.25, 0.75)
        Assert.Equal(new[] { 0.25 * 0.75, -0.25 * 0.75, -0.25 * 0.75, 0.75 * 0.25 }, j.ToArray(), new ToleranceComparer(1e-15));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
