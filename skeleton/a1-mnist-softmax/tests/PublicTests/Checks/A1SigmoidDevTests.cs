using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part a1.sigmoid_dev: the sigmoid's derivative s (1 - s).</summary>
[Points("2.1", 1, Part = "a1.sigmoid_dev")]
public sealed class A1SigmoidDevTests
{
    [Fact]
    public void SigmoidDev_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.sigmoid_dev");

        Expect.Close("A1BaseNetwork.SigmoidDev(x), x (4, 5)", f.Tensor("expected"), A1BaseNetwork.SigmoidDev(f.Tensor("x")));
    });
}
