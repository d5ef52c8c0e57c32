using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: the fraction of rows whose argmax is the label.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void ComputeAccuracy_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("A1BaseNetwork.ComputeAccuracy(p (8, 3), y)", f.Scalar("expected"), A1BaseNetwork.ComputeAccuracy(f.Tensor("p"), f.Ints("y")));
    });
}
