using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace PublicTests.Checks;

/// <summary>Public check 3, part a1.l2: L2 regularisation adds lambda w to the weights' gradients and leaves biases alone.</summary>
[Points("3", 1, Part = "a1.l2")]
public sealed class A1L2Tests
{
    [Fact]
    public void ApplyToGradients_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.l2");
        var w = new Parameter("W", f.Tensor("W")) { Grad = f.Tensor("dW") };
        var b = new Parameter("b", f.Tensor("b")) { Grad = f.Tensor("db") };

        L2Regularization.ApplyToGradients([w, b], f.Scalar("lambda"));

        Expect.Close("W.Grad after L2 (3, 2)", f.Tensor("dW_after"), w.Grad);
        Expect.Close("b.Grad after L2 (2), biases are not regularised", f.Tensor("db_after"), b.Grad);
    });
}
