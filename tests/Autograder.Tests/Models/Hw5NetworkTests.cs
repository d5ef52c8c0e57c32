using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Models.Hw5;

namespace Autograder.Tests.Models;

public sealed class Hw5NetworkTests
{
    [Fact]
    public void RandomInit_IsUniformWithZeroBiasColumn()
    {
        var net = new Hw5Network(inputs: 128, hidden: 50, classes: 10, Hw5Init.Random, new Rng(1));
        Assert.Equal(new[] { 50, 129 }, net.Alpha.Value.Shape);
        Assert.Equal(new[] { 10, 51 }, net.Beta.Value.Shape);
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal(0.0, net.Alpha.Value[i, 0]));
        Assert.All(Enumerable.Range(0, 10), k => Assert.Equal(0.0, net.Beta.Value[k, 0]));
        Assert.InRange(net.Alpha.Value.Min(), -0.1, -0.09);
        Assert.InRange(net.Alpha.Value.Max(), 0.09, 0.1);
    }

    [Fact]
    public void ZeroInit_GivesUniformPredictionAndZeroAlphaGradient()
    {
        var net = new Hw5Network(4, 3, 5, Hw5Init.Zero, new Rng(1));
        var forward = net.Forward(Tensor.From([1.0, 0.0, 1.0, 1.0]), 2);
        Assert.Equal(Math.Log(5), forward.Loss, 12);
        Assert.Equal(new[] { 1.0, 0.5, 0.5, 0.5 }, forward.Z.ToArray());
        net.Backward(forward, 2);
        Assert.Equal(0.0, net.Alpha.Grad.Abs().Sum());
        Assert.Equal(0.2 - 1.0, net.Beta.Grad[2, 0], 12);
        Assert.Equal(0.2 * 0.5, net.Beta.Grad[0, 1], 12);
    }

    [Fact]
    public void Backward_MatchesNumericalGradient()
    {
        var rng = new Rng(4);
        var net = new Hw5Network(6, 4, 3, Hw5Init.Random, rng);
        net.Alpha.Value.CopyFrom(Tensor.RandomNormal(net.Alpha.Value.Shape, 0, 1, rng));
        net.Beta.Value.CopyFrom(Tensor.RandomNormal(net.Beta.Value.Shape, 0, 1, rng));
        var x = Tensor.RandomUniform([6], 0, 1, rng);
        net.Backward(net.Forward(x, 1), 1);
        foreach (var p in net.Parameters)
        {
            var numeric = GradientChecker.NumericalGradient(() => net.Forward(x, 1).Loss, p.Value, 1e-5);
            Assert.True(GradientChecker.RelError(p.Grad, numeric) < GradientTolerances.Model, p.Name);
        }
    }

    [Fact]
    public void SgdStep_MovesAgainstTheGradient()
    {
        var net = new Hw5Network(2, 2, 2, Hw5Init.Zero, new Rng(1));
        var x = Tensor.From([1.0, 1.0]);
        var forward = net.Forward(x, 0);
        net.Backward(forward, 0);
        var expected = (net.Beta.Value - 0.5 * net.Beta.Grad).ToArray();
        net.SgdStep(0.5);
        Assert.Equal(expected, net.Beta.Value.ToArray());
    }

    [Fact]
    public void TrainEpoch_LowersMeanCrossEntropyAndError()
    {
        var rng = new Rng(6);
        var x = Tensor.RandomUniform([60, 5], 0, 1, rng);
        var y = Enumerable.Range(0, 60).Select(i => x[i, 0] + x[i, 1] > 1 ? 1 : 0).ToArray();
        var net = new Hw5Network(5, 8, 2, Hw5Init.Random, rng);
        var before = net.MeanCrossEntropy(x, y);
        for (var epoch = 0; epoch < 50; epoch++)
        {
            net.TrainEpoch(x, y, 1.0);
        }

        Assert.True(net.MeanCrossEntropy(x, y) < before / 2);
        var errors = net.PredictAll(x).Zip(y).Count(p => p.First != p.Second);
        Assert.True(errors <= 6, $"{errors} errors");
    }

    [Fact]
    public void Forward_WrongFeatureCount_SaysExpectedShape()
    {
        var net = new Hw5Network(128, 4, 10, Hw5Init.Zero, new Rng(1));
        var error = Assert.Throws<ArgumentException>(() => net.Forward(Tensor.Zeros(64), 0));
        Assert.Contains("(128,)", error.Message);
    }
}
