using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part a1.relu: max(0, x) element-wise.</summary>
[Points("2.1", 1, Part = "a1.relu")]
public sealed class A1ReluTests
{
    [Fact]
    public void Relu_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.relu");

        Expect.Close("A1BaseNetwork.Relu(x), x (4, 5)", f.Tensor("expected"), A1BaseNetwork.Relu(f.Tensor("x")));
    });
}
