using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: one SGD step, w &lt;- w - lr * dw, in place.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Update_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var w = new Parameter("W", f.Tensor("W")) { Grad = f.Tensor("dW") };
        var b = new Parameter("b", f.Tensor("b")) { Grad = f.Tensor("db") };

        Sgd.Update([w, b], f.Scalar("lr"));

        Expect.Close("W after one step (3, 2)", f.Tensor("W_after"), w.Value);
        Expect.Close("b after one step (1, 2)", f.Tensor("b_after"), b.Value);
    });
}
