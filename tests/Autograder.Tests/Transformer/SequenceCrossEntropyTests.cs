using NeuralNet;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class SequenceCrossEntropyTests
{
    [Fact]
    public void Loss_UniformLogits_IsLogVocabulary()
    {
        var loss = SequenceCrossEntropy.Loss(Tensor.Zeros(2, 3, 7), Tensor.FromArray([0, 1, 2, 3, 4, 6], 2, 3));
        Assert.Equal(Math.Log(7), loss, 12);
    }

    [Fact]
    public void LossAndGradient_MatchesNumericalGradient()
    {
        var rng = new Rng(61);
        var logits = Tensor.RandomNormal([2, 3, 4], 0, 3, rng);
        var targets = Tensor.FromArray([3, 0, 1, 2, 2, 0], 2, 3);
        var (_, gradient) = SequenceCrossEntropy.LossAndGradient(logits, targets);
        var numeric = GradCheck.Numerical(() => SequenceCrossEntropy.Loss(logits, targets), logits);
        Assert.True(GradCheck.RelativeError(gradient, numeric) < GradCheck.Tolerance);
    }

    [Fact]
    public void Loss_LargeLogits_StaysFinite()
    {
        var logits = Tensor.FromArray([1000.0, 0.0], 1, 1, 2);
        Assert.Equal(1000.0, SequenceCrossEntropy.Loss(logits, Tensor.FromArray([1.0], 1, 1)), 9);
    }

    [Fact]
    public void Loss_TargetOutsideVocabulary_NamesIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceCrossEntropy.Loss(Tensor.Zeros(1, 2, 3), Tensor.FromArray([0, 3], 1, 2)));
        Assert.Contains("target 3 at flat position 1", e.Message, StringComparison.Ordinal);
    }
}
