using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part relu.forward: Relu.Forward is max(0, x) element-wise.</summary>
[Points("2.1", 1, Part = "relu.forward")]
public sealed class ReluForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("relu.forward");

        Expect.Close("Relu.Forward(x), x (4, 5)", f.Tensor("expected"), new Relu().Forward(f.Tensor("x")));
    });
}
