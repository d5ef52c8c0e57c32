using NeuralNet.Losses;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: the gradient (softmax(a) - onehot(y)) / N.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("SoftmaxCrossEntropy.Backward(logits (5, 4), labels)", f.Tensor("expected"), new SoftmaxCrossEntropy().Backward(f.Tensor("logits"), f.Ints("labels")));
    });
}
