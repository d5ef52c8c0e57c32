using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: ReLU's derivative, 1 where x &gt; 0 and 0 elsewhere.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void ReluDev_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("A1BaseNetwork.ReluDev(x), x (4, 5)", f.Tensor("expected"), A1BaseNetwork.ReluDev(f.Tensor("x")));
    });
}
