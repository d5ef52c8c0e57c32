using NeuralNet.Transformer;

namespace PublicTests.Checks;

/// <summary>Public check ext-layernorm-backward, part layernorm.backward (bonus): LayerNorm's dx, d(gamma) and d(beta).</summary>
[Points("ext-layernorm-backward", 0, Part = "layernorm.backward")]
public sealed class LayernormBackwardTests
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("layernorm.backward");
        var norm = new LayerNorm(5);
        norm.Gamma.Value.CopyFrom(f.Tensor("gamma"));
        norm.Beta.Value.CopyFrom(f.Tensor("beta"));
        var x = f.Tensor("x");

        norm.Forward(x);
        var dx = norm.Backward(x, f.Tensor("grad"));

        Expect.Close("LayerNorm.Backward: returned dL/dx (2, 3, 5)", f.Tensor("dx"), dx);
        Expect.Close("LayerNorm.Backward: Gamma.Grad (5)", f.Tensor("dgamma"), norm.Gamma.Grad);
        Expect.Close("LayerNorm.Backward: Beta.Grad (5)", f.Tensor("dbeta"), norm.Beta.Grad);
    });
}
