using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 3.2, part linear.backward: W.Grad, b.Grad and the returned gradient of x.</summary>
[Points("3.2", 2, Part = "linear.backward")]
public sealed class LinearBackwardTests
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("linear.backward");
        var layer = Linear.FromWeights(f.Tensor("W"), f.Tensor("b"));

        var dx = layer.Backward(f.Tensor("x"), f.Tensor("grad"));

        Expect.Close("Linear.Backward: returned dL/dx (4, 3)", f.Tensor("dx"), dx);
        Expect.Close("Linear.Backward: W.Grad (3, 2)", f.Tensor("dW"), layer.W.Grad);
        Expect.Close("Linear.Backward: b.Grad (1, 2)", f.Tensor("db"), layer.B.Grad);
    });
}
