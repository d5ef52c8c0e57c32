using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: the mean of -log p[i, y[i]].</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void CrossEntropyLoss_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("A1BaseNetwork.CrossEntropyLoss(p (4, 3), y)", f.Scalar("expected"), A1BaseNetwork.CrossEntropyLoss(f.Tensor("p"), f.Ints("y")));
    });
}
