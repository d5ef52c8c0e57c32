using NeuralNet.Layers;
using NeuralNet.Models.Hw3;

namespace PublicTests.Checks;

/// <summary>Public check 3.1.4, part model.backward_pass: the HW3 backward pass gives every parameter's gradient and dL/dx.</summary>
[Points("3.1.4", 4, Part = "model.backward_pass")]
public sealed class ModelBackwardPassTests
{
    [Fact]
    public void BackwardPass_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("model.backward_pass");
        var model = new Hw3Mlp(
            Linear.FromWeights(f.Tensor("W1"), f.Tensor("b1")),
            Linear.FromWeights(f.Tensor("W2"), f.Tensor("b2")));
        var x = f.Tensor("x");
        var y = f.Ints("y");

        var forward = Hw3Network.ForwardPass(model, x, y);
        var dx = Hw3Network.BackwardPass(model, x, forward.A1, forward.H1, forward.A2, y);

        Expect.Close("L2.W.Grad (5, 3)", f.Tensor("dW2"), model.L2.W.Grad);
        Expect.Close("L2.b.Grad (1, 3)", f.Tensor("db2"), model.L2.B.Grad);
        Expect.Close("L1.W.Grad (6, 5)", f.Tensor("dW1"), model.L1.W.Grad);
        Expect.Close("L1.b.Grad (1, 5)", f.Tensor("db1"), model.L1.B.Grad);
        Expect.Close("returned dL/dx (4, 6)", f.Tensor("dx"), dx);
    });
}
