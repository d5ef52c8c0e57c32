using NeuralNet.Optimizers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: the weight-decay gradient dw + lambda w.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Gradient_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var w = f.Tensor("W");
        var dw = f.Tensor("dW");

        Expect.Close("WeightDecay.Gradient(dW, W, lambda) (3, 2)", f.Tensor("expected"), WeightDecay.Gradient(dw, w, f.Scalar("lambda")));
        Expect.Close("dW after the call (must not change)", f.Tensor("dW"), dw);
    });
}
