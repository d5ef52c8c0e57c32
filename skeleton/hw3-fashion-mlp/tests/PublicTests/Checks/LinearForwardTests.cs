using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 3.1.1, part linear.forward: u = x W + b for a batch.</summary>
[Points("3.1.1", 2, Part = "linear.forward")]
public sealed class LinearForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("linear.forward");
        var layer = Linear.FromWeights(f.Tensor("W"), f.Tensor("b"));

        Expect.Close("Linear.Forward(x), x (4, 3), W (3, 2)", f.Tensor("expected"), layer.Forward(f.Tensor("x")));
    });
}
