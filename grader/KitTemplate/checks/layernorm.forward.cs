using NeuralNet.Transformer;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}} (bonus): gamma * (x - mean) / sqrt(var + eps) + beta over the last axis.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var norm = new LayerNorm(5);
        norm.Gamma.Value.CopyFrom(f.Tensor("gamma"));
        norm.Beta.Value.CopyFrom(f.Tensor("beta"));

        Expect.Close("LayerNorm.Forward(x), x (2, 3, 5)", f.Tensor("expected"), norm.Forward(f.Tensor("x")));
    });
}
