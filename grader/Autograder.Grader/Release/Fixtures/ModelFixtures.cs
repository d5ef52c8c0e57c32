using NeuralNet;
using NeuralNet.Models.Hw3;

namespace Autograder.Grader.Release.Fixtures;

/// <summary>Fixtures of the model checks.</summary>
public static class ModelFixtures
{
    public static IEnumerable<IFixtureSource> All() =>
    [
        new FixtureSource("model.backward_pass", 301, Hw3BackwardPass),
    ];

    // A small HW3 MLP (6 -> 5 -> 3) on 4 examples; the kit copies these weights into its own model.
    private static Fixture Hw3BackwardPass(string part, ulong seed)
    {
        var rng = new Rng(seed);
        var model = new Hw3Mlp(rng, inputDim: 6, hidden: 5, classes: 3);
        var x = Tensor.RandomNormal([4, 6], 0, 1, rng);
        int[] y = [0, 2, 1, 2];
        var fixture = new Fixture(part, seed).Tensor("x", x).Ints("y", y)
            .Tensor("W1", model.L1.W.Value).Tensor("b1", model.L1.B.Value).Tensor("W2", model.L2.W.Value).Tensor("b2", model.L2.B.Value);
        var forward = Hw3Network.ForwardPass(model, x, y);
        var dx = Hw3Network.BackwardPass(model, x, forward.A1, forward.H1, forward.A2, y);
        return fixture.Tensor("dx", dx).Tensor("dW1", model.L1.W.Grad).Tensor("db1", model.L1.B.Grad)
            .Tensor("dW2", model.L2.W.Grad).Tensor("db2", model.L2.B.Grad);
    }
}
