using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part a1.relu_dev: ReLU's derivative, 1 where x &gt; 0 and 0 elsewhere.</summary>
[Points("2.1", 1, Part = "a1.relu_dev")]
public sealed class A1ReluDevTests
{
    [Fact]
    public void ReluDev_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.relu_dev");

        Expect.Close("A1BaseNetwork.ReluDev(x), x (4, 5)", f.Tensor("expected"), A1BaseNetwork.ReluDev(f.Tensor("x")));
    });
}
