using NeuralNet.Transformer;

namespace PublicTests.Checks;

/// <summary>Public check ext-layernorm-forward, part layernorm.forward (bonus): gamma * (x - mean) / sqrt(var + eps) + beta over the last axis.</summary>
[Points("ext-layernorm-forward", 0, Part = "layernorm.forward")]
public sealed class LayernormForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("layernorm.forward");
        var norm = new LayerNorm(5);
        norm.Gamma.Value.CopyFrom(f.Tensor("gamma"));
        norm.Beta.Value.CopyFrom(f.Tensor("beta"));

        Expect.Close("LayerNorm.Forward(x), x (2, 3, 5)", f.Tensor("expected"), norm.Forward(f.Tensor("x")));
    });
}
