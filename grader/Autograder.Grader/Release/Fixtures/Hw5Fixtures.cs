using NeuralNet;
using NeuralNet.Models.Hw5;

namespace Autograder.Grader.Release.Fixtures;

/// <summary>Fixtures of Homework 5's checks: one example through a 6-4-3 network (per-example SGD, seed 003).</summary>
public static class Hw5Fixtures
{
    public static IEnumerable<IFixtureSource> All() =>
    [
        new FixtureSource("hw5.forward", 501, Forward),
        new FixtureSource("hw5.backward", 502, Backward),
        new FixtureSource("hw5.sgd", 503, Sgd),
    ];

    private static (Hw5Network Net, Tensor X, Fixture Fixture) Setup(string part, ulong seed)
    {
        var rng = new Rng(seed);
        var net = new Hw5Network(6, 4, 3, Hw5Init.Random, rng);
        var x = Tensor.RandomUniform([6], 0, 1, rng) > 0.5; // binary features, like the handwriting CSVs
        var fixture = new Fixture(part, seed).Tensor("alpha", net.Alpha.Value).Tensor("beta", net.Beta.Value).Tensor("x", x).Scalar("y", 2);
        return (net, x, fixture);
    }

    private static Fixture Forward(string part, ulong seed)
    {
        var (net, x, fixture) = Setup(part, seed);
        var forward = net.Forward(x, 2);
        return fixture.Tensor("a", forward.A).Tensor("z", forward.Z).Tensor("b", forward.B).Tensor("yhat", forward.YHat).Scalar("loss", forward.Loss);
    }

    private static Fixture Backward(string part, ulong seed)
    {
        var (net, x, fixture) = Setup(part, seed);
        net.Backward(net.Forward(x, 2), 2);
        return fixture.Tensor("galpha", net.Alpha.Grad).Tensor("gbeta", net.Beta.Grad);
    }

    private static Fixture Sgd(string part, ulong seed)
    {
        var (net, x, fixture) = Setup(part, seed);
        net.Backward(net.Forward(x, 2), 2);
        fixture.Tensor("galpha", net.Alpha.Grad).Tensor("gbeta", net.Beta.Grad).Scalar("lr", 0.1);
        net.SgdStep(0.1);
        return fixture.Tensor("alpha_after", net.Alpha.Value).Tensor("beta_after", net.Beta.Value);
    }
}
