using Autograder.Tests.Gradients;
using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Layers;

namespace Autograder.Tests.Layers;

public sealed class LinearTests
{
    private static Linear KnownLayer()
    {
        var layer = new Linear(3, 2, new Rng(1));
        layer.W.Value.CopyFrom(Tensor.From(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }));
        layer.B.Value.CopyFrom(Tensor.From(new double[,] { { 0.5, -1 } }));
        return layer;
    }

    [Fact]
    public void Forward_TwoByThreeInput_MatchesHandComputedValues()
    {
        var x = Tensor.From(new double[,] { { 1, 0, -1 }, { 2, 1, 0 } });
        var u = KnownLayer().Forward(x);
        // row 0: (1 - 5, 2 - 6) + b = (-3.5, -5); row 1: (2 + 3, 4 + 4) + b = (5.5, 7)
        Assert.Equal(new double[] { -3.5, -5, 5.5, 7 }, u.ToArray());
    }

    [Fact]
    public void Backward_TwoByThreeInput_StoresHandComputedGradients()
    {
        var layer = KnownLayer();
        var x = Tensor.From(new double[,] { { 1, 0, -1 }, { 2, 1, 0 } });
        var g = Tensor.From(new double[,] { { 1, 0 }, { 0, 2 } });
        var dX = layer.Backward(x, g);
        Assert.Equal(new double[] { 1, 3, 5, 4, 8, 12 }, dX.ToArray()); // g·Wᵀ
        Assert.Equal(new double[] { 1, 4, 0, 2, -1, 0 }, layer.W.Grad.ToArray()); // xᵀ·g
        Assert.Equal(new[] { 1, 2 }, layer.B.Grad.Shape);
        Assert.Equal(new double[] { 1, 2 }, layer.B.Grad.ToArray());
    }

    [Fact]
    public void Backward_MatchesNumericalGradient()
    {
        var rng = new Rng(11);
        var layer = new Linear(5, 4, rng);
        var x = Tensor.RandomNormal([3, 5], 0, 1, rng);
        Assert.True(ModuleGradients.WorstRelError(layer, x) < GradientTolerances.Linear);
    }

    [Fact]
    public void Init_Normal01_HasMeanZeroAndStdPointOne()
    {
        var layer = new Linear(200, 100, new Rng(3));
        var w = layer.W.Value;
        Assert.Equal(new[] { 200, 100 }, w.Shape);
        Assert.Equal(new[] { 1, 100 }, layer.B.Value.Shape);
        Assert.InRange(w.Mean(), -0.005, 0.005);
        Assert.InRange(Math.Sqrt(w.Square().Mean()), 0.098, 0.102);
        Assert.InRange(Math.Sqrt(layer.B.Value.Square().Mean()), 0.07, 0.13);
        Assert.Equal(0.0, layer.W.Grad.Abs().Sum());
        Assert.Equal(0.0, layer.B.Grad.Abs().Sum());
    }

    [Fact]
    public void Init_UniformRandom_StaysInRangeWithZeroBias()
    {
        var layer = new Linear(50, 40, new Rng(3), LinearInit.UniformRandom);
        Assert.InRange(layer.W.Value.Min(), -0.1, -0.09);
        Assert.InRange(layer.W.Value.Max(), 0.09, 0.1);
        Assert.Equal(0.0, layer.B.Value.Abs().Sum());
    }

    [Fact]
    public void Init_Zero_IsAllZeros()
    {
        var layer = new Linear(4, 3, new Rng(3), LinearInit.Zero);
        Assert.Equal(0.0, layer.W.Value.Abs().Sum() + layer.B.Value.Abs().Sum());
    }

    [Fact]
    public void Init_SmallNormal_HasStdOneThousandth()
    {
        var layer = new Linear(300, 100, new Rng(3), LinearInit.SmallNormal);
        Assert.InRange(Math.Sqrt(layer.W.Value.Square().Mean()), 0.00098, 0.00102);
        Assert.Equal(0.0, layer.B.Value.Abs().Sum());
    }

    [Fact]
    public void Init_SameSeed_GivesSameWeights()
    {
        var a = new Linear(6, 5, new Rng(42));
        var b = new Linear(6, 5, new Rng(42));
        Assert.Equal(a.W.Value.ToArray(), b.W.Value.ToArray());
        Assert.Equal(a.B.Value.ToArray(), b.B.Value.ToArray());
    }

    [Fact]
    public void Forward_WrongInputWidth_NamesExpectedShape()
    {
        var layer = new Linear(784, 10, new Rng(1));
        var error = Assert.Throws<ArgumentException>(() => layer.Forward(Tensor.Zeros(5, 128)));
        Assert.Contains("(N, 784)", error.Message);
        Assert.Contains("(5, 128)", error.Message);
    }

    [Fact]
    public void Backward_WrongGradientShape_Throws()
    {
        var layer = new Linear(3, 2, new Rng(1));
        var error = Assert.Throws<ArgumentException>(() => layer.Backward(Tensor.Zeros(4, 3), Tensor.Zeros(4, 3)));
        Assert.Contains("(4, 2)", error.Message);
    }

    [Fact]
    public void ParameterCount_IsWeightsPlusBiases()
    {
        Assert.Equal(784 * 128 + 128, new Linear(784, 128, new Rng(1)).ParameterCount);
    }
}
