using NeuralNet;
using NeuralNet.Transformer;

namespace Autograder.Grader.Release.Fixtures;

/// <summary>
/// Fixtures of the transformer bonus checks (HW3 Problem 4): one attention head on B = 2, T = 4, C = 4,
/// hs = 3 (the causal mask matters from the second position on) and a layer norm over C = 5 with
/// non-trivial gamma and beta. The kit copies the weights into its own modules.
/// </summary>
public static class TransformerFixtures
{
    public static IEnumerable<IFixtureSource> All() =>
    [
        new FixtureSource("attention.head.forward", 701, (part, seed) => HeadFixture(part, seed, backward: false)),
        new FixtureSource("attention.head.backward", 702, (part, seed) => HeadFixture(part, seed, backward: true)),
        new FixtureSource("layernorm.forward", 703, (part, seed) => LayerNormFixture(part, seed, backward: false)),
        new FixtureSource("layernorm.backward", 704, (part, seed) => LayerNormFixture(part, seed, backward: true)),
    ];

    private static Fixture HeadFixture(string part, ulong seed, bool backward)
    {
        var rng = new Rng(seed);
        var head = new Head(nEmbd: 4, headSize: 3, blockSize: 5, dropout: 0.0, rng);
        var x = Tensor.RandomNormal([2, 4, 4], 0, 1, rng);                  // (B, T, C)
        var fixture = new Fixture(part, seed).Tensor("x", x)
            .Tensor("Wk", head.Key.Weight.Value).Tensor("Wq", head.Query.Weight.Value).Tensor("Wv", head.Value.Weight.Value);
        var output = head.Forward(x);                                       // (B, T, hs)
        if (!backward)
        {
            return fixture.Tensor("expected", output);
        }

        var grad = Tensor.RandomNormal([2, 4, 3], 0, 1, rng);
        var dx = head.Backward(x, grad);
        return fixture.Tensor("grad", grad).Tensor("dx", dx)
            .Tensor("dWk", head.Key.Weight.Grad).Tensor("dWq", head.Query.Weight.Grad).Tensor("dWv", head.Value.Weight.Grad);
    }

    private static Fixture LayerNormFixture(string part, ulong seed, bool backward)
    {
        var rng = new Rng(seed);
        var norm = new LayerNorm(5);
        norm.Gamma.Value.CopyFrom(Tensor.RandomNormal([5], 1, 0.5, rng));
        norm.Beta.Value.CopyFrom(Tensor.RandomNormal([5], 0, 0.5, rng));
        var x = Tensor.RandomNormal([2, 3, 5], 1, 2, rng);                  // (B, T, C), mean 1, std 2
        var fixture = new Fixture(part, seed).Tensor("x", x).Tensor("gamma", norm.Gamma.Value).Tensor("beta", norm.Beta.Value);
        var output = norm.Forward(x);
        if (!backward)
        {
            return fixture.Tensor("expected", output);
        }

        var grad = Tensor.RandomNormal([2, 3, 5], 0, 1, rng);
        var dx = norm.Backward(x, grad);
        return fixture.Tensor("grad", grad).Tensor("dx", dx).Tensor("dgamma", norm.Gamma.Grad).Tensor("dbeta", norm.Beta.Grad);
    }
}
