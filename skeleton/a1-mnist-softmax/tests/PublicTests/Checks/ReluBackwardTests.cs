using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part relu.backward: Relu.Backward passes grad where x &gt; 0 and 0 elsewhere (also at x == 0).</summary>
[Points("2.1", 1, Part = "relu.backward")]
public sealed class ReluBackwardTests
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("relu.backward");
        Expect.Close("Relu.Backward(x, grad), x (4, 5)", f.Tensor("expected"), new Relu().Backward(f.Tensor("x"), f.Tensor("grad")));
    });
}
