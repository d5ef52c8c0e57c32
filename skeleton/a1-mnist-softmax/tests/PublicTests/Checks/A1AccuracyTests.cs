using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part a1.accuracy: the fraction of rows whose argmax is the label.</summary>
[Points("2.1", 1, Part = "a1.accuracy")]
public sealed class A1AccuracyTests
{
    [Fact]
    public void ComputeAccuracy_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.accuracy");

        Expect.Close("A1BaseNetwork.ComputeAccuracy(p (8, 3), y)", f.Scalar("expected"), A1BaseNetwork.ComputeAccuracy(f.Tensor("p"), f.Ints("y")));
    });
}
