using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: the sigmoid's derivative s (1 - s).</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void SigmoidDev_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("A1BaseNetwork.SigmoidDev(x), x (4, 5)", f.Tensor("expected"), A1BaseNetwork.SigmoidDev(f.Tensor("x")));
    });
}
