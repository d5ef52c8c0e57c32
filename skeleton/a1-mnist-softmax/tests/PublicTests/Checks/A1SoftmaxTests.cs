using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part a1.softmax: row-wise softmax, stable for large scores.</summary>
[Points("2.1", 1, Part = "a1.softmax")]
public sealed class A1SoftmaxTests
{
    [Fact]
    public void Softmax_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.softmax");

        Expect.Close("A1BaseNetwork.Softmax(x), x (4, 5)", f.Tensor("expected"), A1BaseNetwork.Softmax(f.Tensor("x")));
    });
}
