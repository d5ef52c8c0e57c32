using NeuralNet;
using NeuralNet.Layers;
using NeuralNet.Models.Hw6;

namespace Autograder.Grader.Release.Fixtures;

/// <summary>Fixtures of the convolution, max-pooling and CNN checks.</summary>
public static class ConvFixtures
{
    public static IEnumerable<IFixtureSource> All() =>
    [
        new FixtureSource("conv2d.forward", 401, (part, seed) => Conv(part, seed, backward: false)),
        new FixtureSource("conv2d.backward", 402, (part, seed) => Conv(part, seed, backward: true)),
        new FixtureSource("maxpool.forward", 403, (part, seed) => Pool(part, seed, backward: false)),
        new FixtureSource("maxpool.backward", 404, (part, seed) => Pool(part, seed, backward: true)),
        new FixtureSource("cnn2.build", 405, Cnn2),
    ];

    // 2 images, 2 channels, 5 x 5; 3 filters of 3 x 3, stride 1, padding 1 (HW6's "same" convolution, smaller).
    private static Fixture Conv(string part, ulong seed, bool backward)
    {
        var rng = new Rng(seed);
        var conv = new Conv2D(2, 3, 3, rng, stride: 1, padding: 1);
        var x = Tensor.RandomNormal([2, 2, 5, 5], 0, 1, rng);
        var fixture = new Fixture(part, seed).Tensor("x", x).Tensor("W", conv.W.Value).Tensor("b", conv.B.Value);
        if (!backward)
        {
            return fixture.Tensor("expected", conv.Forward(x));
        }

        var grad = Tensor.RandomNormal([2, 3, 5, 5], 0, 1, rng);
        var dx = conv.Backward(x, grad);
        return fixture.Tensor("grad", grad).Tensor("dx", dx).Tensor("dW", conv.W.Grad).Tensor("db", conv.B.Grad);
    }

    // 2 images, 2 channels, 4 x 4, pooled 2 x 2 with stride 2; distinct values, so every window has one maximum.
    private static Fixture Pool(string part, ulong seed, bool backward)
    {
        var rng = new Rng(seed);
        var pool = new MaxPool2D(2, 2);
        var x = Tensor.RandomNormal([2, 2, 4, 4], 0, 1, rng);
        var fixture = new Fixture(part, seed).Tensor("x", x);
        if (!backward)
        {
            return fixture.Tensor("expected", pool.Forward(x));
        }

        var grad = Tensor.RandomNormal([2, 2, 2, 2], 0, 1, rng);
        return fixture.Tensor("grad", grad).Tensor("expected", pool.Backward(x, grad));
    }

    private static Fixture Cnn2(string part, ulong seed)
    {
        var model = Hw6Models.Cnn2(new Rng(seed), 0.5);
        return new Fixture(part, seed).Scalar("parameters", model.ParameterCount)
            .Ints("logits_shape", model.Network.Forward(Tensor.Zeros(2, 784)).Shape);
    }
}
