using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part a1.cross_entropy: the mean of -log p[i, y[i]].</summary>
[Points("2.1", 1, Part = "a1.cross_entropy")]
public sealed class A1CrossEntropyTests
{
    [Fact]
    public void CrossEntropyLoss_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.cross_entropy");

        Expect.Close("A1BaseNetwork.CrossEntropyLoss(p (4, 3), y)", f.Scalar("expected"), A1BaseNetwork.CrossEntropyLoss(f.Tensor("p"), f.Ints("y")));
    });
}
