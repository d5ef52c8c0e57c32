using NeuralNet.Losses;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part softmax_ce.backward: the gradient (softmax(a) - onehot(y)) / N.</summary>
[Points("2.1", 2, Part = "softmax_ce.backward")]
public sealed class SoftmaxCeBackwardTests
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("softmax_ce.backward");

        Expect.Close("SoftmaxCrossEntropy.Backward(logits (5, 4), labels)", f.Tensor("expected"), new SoftmaxCrossEntropy().Backward(f.Tensor("logits"), f.Ints("labels")));
    });
}
