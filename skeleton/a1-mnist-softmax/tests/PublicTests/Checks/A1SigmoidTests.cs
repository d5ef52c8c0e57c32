using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part a1.sigmoid: 1 / (1 + exp(-x)) element-wise.</summary>
[Points("2.1", 1, Part = "a1.sigmoid")]
public sealed class A1SigmoidTests
{
    [Fact]
    public void Sigmoid_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.sigmoid");

        Expect.Close("A1BaseNetwork.Sigmoid(x), x (4, 5)", f.Tensor("expected"), A1BaseNetwork.Sigmoid(f.Tensor("x")));
    });
}
