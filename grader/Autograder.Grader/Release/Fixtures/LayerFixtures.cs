using NeuralNet;
using NeuralNet.Layers;

namespace Autograder.Grader.Release.Fixtures;

/// <summary>Fixtures of the layer checks: small seeded inputs and the reference's outputs and gradients.</summary>
public static class LayerFixtures
{
    public static IEnumerable<IFixtureSource> All() =>
    [
        new FixtureSource("linear.forward", 101, LinearForward),
        new FixtureSource("linear.backward", 102, LinearBackward),
        new FixtureSource("relu.forward", 103, (part, seed) => Elementwise(part, seed, new Relu(), backward: false)),
        new FixtureSource("relu.backward", 104, (part, seed) => Elementwise(part, seed, new Relu(), backward: true)),
        new FixtureSource("sigmoid.forward", 105, (part, seed) => Elementwise(part, seed, new Sigmoid(), backward: false)),
        new FixtureSource("sigmoid.backward", 106, (part, seed) => Elementwise(part, seed, new Sigmoid(), backward: true)),
        new FixtureSource("tanh.forward", 107, (part, seed) => Elementwise(part, seed, new Tanh(), backward: false)),
        new FixtureSource("tanh.backward", 108, (part, seed) => Elementwise(part, seed, new Tanh(), backward: true)),
        new FixtureSource("dropout.backward", 109, DropoutBackward),
    ];

    private static (Linear Layer, Tensor X) LinearSetup(ulong seed)
    {
        var rng = new Rng(seed);
        var layer = new Linear(3, 2, rng);
        return (layer, Tensor.RandomNormal([4, 3], 0, 1, rng));
    }

    private static Fixture LinearForward(string part, ulong seed)
    {
        var (layer, x) = LinearSetup(seed);
        return new Fixture(part, seed).Tensor("x", x).Tensor("W", layer.W.Value).Tensor("b", layer.B.Value).Tensor("expected", layer.Forward(x));
    }

    private static Fixture LinearBackward(string part, ulong seed)
    {
        var (layer, x) = LinearSetup(seed);
        var grad = Tensor.RandomNormal([4, 2], 0, 1, new Rng(seed + 1000));
        var dx = layer.Backward(x, grad);
        return new Fixture(part, seed).Tensor("x", x).Tensor("W", layer.W.Value).Tensor("b", layer.B.Value).Tensor("grad", grad)
            .Tensor("dx", dx).Tensor("dW", layer.W.Grad).Tensor("db", layer.B.Grad);
    }

    // Inputs include exact zeros: ReLU's subgradient at 0 is 0 (seed HW3 3.1.2).
    private static Fixture Elementwise(string part, ulong seed, Module layer, bool backward)
    {
        var rng = new Rng(seed);
        var x = Tensor.RandomNormal([4, 5], 0, 2, rng);
        x[0, 0] = 0.0;
        x[2, 3] = 0.0;
        var fixture = new Fixture(part, seed).Tensor("x", x);
        if (!backward)
        {
            return fixture.Tensor("expected", layer.Forward(x));
        }

        var grad = Tensor.RandomNormal([4, 5], 0, 1, rng);
        layer.Forward(x);
        return fixture.Tensor("grad", grad).Tensor("expected", layer.Backward(x, grad));
    }

    private static Fixture DropoutBackward(string part, ulong seed)
    {
        var rng = new Rng(seed);
        const double rate = 0.4;
        var x = Tensor.RandomNormal([3, 6], 0, 1, rng);
        var keep = Tensor.RandomUniform([3, 6], 0, 1, rng) >= rate;
        var grad = Tensor.RandomNormal([3, 6], 0, 1, rng);
        var dropout = new Dropout(rate, new Rng(seed));
        dropout.SetKeepMask(keep);
        return new Fixture(part, seed).Scalar("rate", rate).Tensor("x", x).Tensor("keep", keep).Tensor("grad", grad)
            .Tensor("expected", dropout.Backward(x, grad));
    }
}
