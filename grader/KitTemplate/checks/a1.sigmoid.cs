using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: 1 / (1 + exp(-x)) element-wise.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Sigmoid_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("A1BaseNetwork.Sigmoid(x), x (4, 5)", f.Tensor("expected"), A1BaseNetwork.Sigmoid(f.Tensor("x")));
    });
}
