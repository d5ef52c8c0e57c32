using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Layers;

namespace Autograder.Tests.Layers;

public sealed class DropoutTests
{
    [Fact]
    public void Forward_Training_ScalesKeptUnitsByOneOverOneMinusRate()
    {
        var dropout = new Dropout(0.5, new Rng(4));
        var x = Tensor.Full(3.0, 4, 50);
        var s = dropout.Forward(x);
        Assert.All(s.ToArray(), v => Assert.True(v is 0.0 or 6.0, $"{v}"));
        Assert.Equal((x * dropout.Mask!).ToArray(), s.ToArray());
        var kept = s.ToArray().Count(v => v > 0) / 200.0;
        Assert.InRange(kept, 0.38, 0.62);
    }

    [Fact]
    public void Forward_MaskFollowsEquation19_KeepWherePAtLeastR()
    {
        var rate = 0.3;
        var dropout = new Dropout(rate, new Rng(8));
        var p = Tensor.RandomUniform([2, 5], 0.0, 1.0, new Rng(8));
        dropout.Forward(Tensor.Ones(2, 5));
        var expected = (p >= rate) / (1 - rate);
        Assert.Equal(expected.ToArray(), dropout.Mask!.ToArray());
    }

    [Fact]
    public void Forward_ResamplesEveryCall()
    {
        var dropout = new Dropout(0.5, new Rng(4));
        var first = dropout.Forward(Tensor.Ones(1, 64)).ToArray();
        var second = dropout.Forward(Tensor.Ones(1, 64)).ToArray();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Forward_NotTraining_IsIdentity()
    {
        var dropout = new Dropout(0.95, new Rng(4)) { Training = false };
        var x = Tensor.RandomNormal([3, 4], 0, 1, new Rng(1));
        Assert.Equal(x.ToArray(), dropout.Forward(x).ToArray());
        Assert.Equal(x.ToArray(), dropout.Backward(x, x).ToArray());
    }

    [Fact]
    public void Backward_FixedMask_UsesMaskAndScale()
    {
        var dropout = new Dropout(0.75, new Rng(1));
        dropout.SetKeepMask(Tensor.From(new double[,] { { 1, 0, 1 } }));
        var dX = dropout.Backward(Tensor.Zeros(1, 3), Tensor.From(new double[,] { { 1, 2, 3 } }));
        Assert.Equal(new double[] { 4, 0, 12 }, dX.ToArray());
    }

    [Fact]
    public void Backward_MatchesNumericalGradientUnderTheForwardMask()
    {
        var dropout = new Dropout(0.4, new Rng(6));
        var x = Tensor.RandomNormal([3, 7], 0, 1, new Rng(2));
        dropout.Forward(x);
        var mask = dropout.Mask!;
        var g = Tensor.RandomNormal([3, 7], 0, 1, new Rng(3));
        var numeric = GradientChecker.NumericalGradient(() => x * mask, x, g, 1e-5);
        Assert.True(GradientChecker.RelError(dropout.Backward(x, g), numeric) < GradientTolerances.Dropout);
    }

    [Fact]
    public void Backward_BeforeForward_TellsToCallForward()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Dropout(0.5, new Rng(1)).Backward(Tensor.Zeros(1, 2), Tensor.Zeros(1, 2)));
        Assert.Contains("call Forward first", error.Message);
    }

    [Fact]
    public void SetKeepMask_RejectsNonBinaryValues()
    {
        Assert.Throws<ArgumentException>(() => new Dropout(0.5, new Rng(1)).SetKeepMask(Tensor.From([0.5])));
    }

    [Fact]
    public void Constructor_RateOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(1.0, new Rng(1)));
    }
}
