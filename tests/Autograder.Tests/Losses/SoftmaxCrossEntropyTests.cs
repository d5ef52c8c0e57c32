using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Losses;

namespace Autograder.Tests.Losses;

public sealed class SoftmaxCrossEntropyTests
{
    [Fact]
    public void Forward_UniformLogits_GivesLogK()
    {
        var loss = new SoftmaxCrossEntropy().Forward(Tensor.Zeros(3, 10), [0, 4, 9]);
        Assert.Equal(Math.Log(10), loss, 12);
    }

    [Fact]
    public void Forward_MatchesHandComputedValue()
    {
        var logits = Tensor.From(new double[,] { { 1, 2, 3 }, { 1, 1, 1 } });
        var expected = (-Math.Log(Math.Exp(1) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3))) + Math.Log(3)) / 2;
        Assert.Equal(expected, new SoftmaxCrossEntropy().Forward(logits, [0, 2]), 12);
    }

    [Fact]
    public void Forward_LogitsNearThousand_StaysFinite()
    {
        var logits = Tensor.From(new double[,] { { 1000, 0, -1000 }, { 1000, 1000, 999 } });
        var loss = new SoftmaxCrossEntropy().Forward(logits, [1, 2]);
        var expected = (1000.0 + (Math.Log(2 + Math.Exp(-1)) + 1.0)) / 2;
        Assert.Equal(expected, loss, 9);
        var grad = new SoftmaxCrossEntropy().Backward(logits, [1, 2]);
        Assert.All(grad.ToArray(), v => Assert.True(double.IsFinite(v)));
        Assert.Equal(0.5, grad[0, 0], 12);
        Assert.Equal(-0.5, grad[0, 1], 12);
    }

    [Fact]
    public void Backward_IsSoftmaxMinusOneHotOverN()
    {
        var logits = Tensor.From(new double[,] { { 0, Math.Log(3) } });
        var grad = new SoftmaxCrossEntropy().Backward(logits, [1]);
        Assert.Equal(0.25, grad[0, 0], 12);
        Assert.Equal(-0.25, grad[0, 1], 12);
    }

    [Fact]
    public void Backward_MatchesNumericalGradient()
    {
        var rng = new Rng(9);
        var logits = Tensor.RandomNormal([4, 5], 0, 2, rng);
        int[] labels = [0, 3, 4, 3];
        var loss = new SoftmaxCrossEntropy();
        var numeric = GradientChecker.NumericalGradient(() => loss.Forward(logits, labels), logits, 1e-5);
        Assert.True(GradientChecker.RelError(loss.Backward(logits, labels), numeric) < GradientTolerances.SoftmaxCrossEntropy);
    }

    [Fact]
    public void Forward_LabelOutOfRange_NamesTheLabel()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SoftmaxCrossEntropy().Forward(Tensor.Zeros(2, 3), [0, 3]));
        Assert.Contains("label 3 at index 1", error.Message);
    }

    [Fact]
    public void Forward_LabelCountMismatch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new SoftmaxCrossEntropy().Forward(Tensor.Zeros(2, 3), [0]));
        Assert.Contains("2 rows", error.Message);
    }

    [Fact]
    public void OneHot_SetsOneEntryPerRow()
    {
        Assert.Equal(new double[] { 0, 1, 0, 0, 0, 1 }, SoftmaxCrossEntropy.OneHot([1, 2], 3).ToArray());
    }
}
