using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: max(0, x) element-wise.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Relu_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("A1BaseNetwork.Relu(x), x (4, 5)", f.Tensor("expected"), A1BaseNetwork.Relu(f.Tensor("x")));
    });
}
