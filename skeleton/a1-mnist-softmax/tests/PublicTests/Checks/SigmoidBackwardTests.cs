using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 2.1, part sigmoid.backward: Sigmoid.Backward is grad * s * (1 - s) with s = sigmoid(x).</summary>
[Points("2.1", 1, Part = "sigmoid.backward")]
public sealed class SigmoidBackwardTests
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("sigmoid.backward");
        Expect.Close("Sigmoid.Backward(x, grad), x (4, 5)", f.Tensor("expected"), new Sigmoid().Backward(f.Tensor("x"), f.Tensor("grad")));
    });
}
