using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: Conv2D.Backward gives W.Grad, b.Grad and dL/dx.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var conv = new Conv2D(2, 3, 3, new Rng(1), stride: 1, padding: 1);
        conv.W.Value.CopyFrom(f.Tensor("W"));
        conv.B.Value.CopyFrom(f.Tensor("b"));

        var dx = conv.Backward(f.Tensor("x"), f.Tensor("grad"));

        Expect.Close("Conv2D.Backward: returned dL/dx (2, 2, 5, 5)", f.Tensor("dx"), dx);
        Expect.Close("Conv2D.Backward: W.Grad (3, 2, 3, 3)", f.Tensor("dW"), conv.W.Grad);
        Expect.Close("Conv2D.Backward: b.Grad (3,)", f.Tensor("db"), conv.B.Grad);
    });
}
