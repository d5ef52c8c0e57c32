using NeuralNet.Losses;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part softmax_ce.forward: the mean softmax cross-entropy, stable for large logits.</summary>
[Points("2.1", 2, Part = "softmax_ce.forward")]
public sealed class SoftmaxCeForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("softmax_ce.forward");

        var loss = new SoftmaxCrossEntropy().Forward(f.Tensor("logits"), f.Ints("labels"));

        Expect.That(double.IsFinite(loss), $"SoftmaxCrossEntropy.Forward gave {loss} for logits with an 800 in them; subtract each row's max before exp");
        Expect.Close("SoftmaxCrossEntropy.Forward(logits (5, 4), labels)", f.Scalar("expected"), loss);
    });
}
