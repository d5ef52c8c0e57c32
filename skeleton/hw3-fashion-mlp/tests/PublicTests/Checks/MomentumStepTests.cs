using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace PublicTests.Checks;

/// <summary>Public check 3.4, part momentum.step: SGD with momentum, v &lt;- alpha v + dw, w &lt;- w - lr v, over three steps.</summary>
[Points("3.4", 0, Part = "momentum.step")]
public sealed class MomentumStepTests
{
    [Fact]
    public void ThreeSteps_MatchReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("momentum.step");
        var w = new Parameter("W", f.Tensor("W")) { Grad = f.Tensor("dW") };
        var b = new Parameter("b", f.Tensor("b")) { Grad = f.Tensor("db") };
        var optimizer = new MomentumSgd(f.Scalar("lr"), f.Scalar("alpha"));

        for (var step = 0; step < 3; step++)
        {
            if (step > 0)
            {
                w.Grad = f.Tensor($"dW{step}");
                b.Grad = f.Tensor($"db{step}");
            }

            optimizer.Step([w, b]);
        }

        Expect.Close("W after three momentum steps (3, 2)", f.Tensor("W_after"), w.Value);
        Expect.Close("b after three momentum steps (1, 2)", f.Tensor("b_after"), b.Value);
    });
}
