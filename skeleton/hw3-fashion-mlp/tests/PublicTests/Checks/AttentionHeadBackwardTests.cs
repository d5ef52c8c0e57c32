using NeuralNet.Transformer;

namespace PublicTests.Checks;

/// <summary>Public check ext-attention-backward, part attention.head.backward (bonus): the head's dx and the key, query and value weight gradients.</summary>
[Points("ext-attention-backward", 0, Part = "attention.head.backward")]
public sealed class AttentionHeadBackwardTests
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("attention.head.backward");
        var head = new Head(nEmbd: 4, headSize: 3, blockSize: 5, dropout: 0.0, new Rng(1));
        head.Key.Weight.Value.CopyFrom(f.Tensor("Wk"));
        head.Query.Weight.Value.CopyFrom(f.Tensor("Wq"));
        head.Value.Weight.Value.CopyFrom(f.Tensor("Wv"));
        var x = f.Tensor("x");

        head.Forward(x);
        var dx = head.Backward(x, f.Tensor("grad"));

        Expect.Close("Head.Backward: returned dL/dx (2, 4, 4)", f.Tensor("dx"), dx);
        Expect.Close("Head.Backward: Key.Weight.Grad (4, 3)", f.Tensor("dWk"), head.Key.Weight.Grad);
        Expect.Close("Head.Backward: Query.Weight.Grad (4, 3)", f.Tensor("dWq"), head.Query.Weight.Grad);
        Expect.Close("Head.Backward: Value.Weight.Grad (4, 3)", f.Tensor("dWv"), head.Value.Weight.Grad);
    });
}
