using NeuralNet.Transformer;

namespace PublicTests.Checks;

/// <summary>Public check ext-attention-forward, part attention.head.forward (bonus): one head of causal self-attention, softmax(q k^T / sqrt(hs)) v.</summary>
[Points("ext-attention-forward", 0, Part = "attention.head.forward")]
public sealed class AttentionHeadForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("attention.head.forward");
        var head = new Head(nEmbd: 4, headSize: 3, blockSize: 5, dropout: 0.0, new Rng(1));
        head.Key.Weight.Value.CopyFrom(f.Tensor("Wk"));
        head.Query.Weight.Value.CopyFrom(f.Tensor("Wq"));
        head.Value.Weight.Value.CopyFrom(f.Tensor("Wv"));

        Expect.Close("Head.Forward(x), x (2, 4, 4), head size 3", f.Tensor("expected"), head.Forward(f.Tensor("x")));
    });
}
