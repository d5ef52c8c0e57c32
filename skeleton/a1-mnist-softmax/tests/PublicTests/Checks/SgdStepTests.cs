using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace PublicTests.Checks;

/// <summary>Public check 3, part sgd.step: one SGD step, w &lt;- w - lr * dw, in place.</summary>
[Points("3", 1, Part = "sgd.step")]
public sealed class SgdStepTests
{
    [Fact]
    public void Update_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("sgd.step");
        var w = new Parameter("W", f.Tensor("W")) { Grad = f.Tensor("dW") };
        var b = new Parameter("b", f.Tensor("b")) { Grad = f.Tensor("db") };

        Sgd.Update([w, b], f.Scalar("lr"));

        Expect.Close("W after one step (3, 2)", f.Tensor("W_after"), w.Value);
        Expect.Close("b after one step (1, 2)", f.Tensor("b_after"), b.Value);
    });
}
