using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part sigmoid.forward: Sigmoid.Forward is 1 / (1 + exp(-x)) element-wise.</summary>
[Points("2.1", 1, Part = "sigmoid.forward")]
public sealed class SigmoidForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("sigmoid.forward");

        Expect.Close("Sigmoid.Forward(x), x (4, 5)", f.Tensor("expected"), new Sigmoid().Forward(f.Tensor("x")));
    });
}
