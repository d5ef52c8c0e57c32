using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 3.2, part dropout.backward: Dropout.Backward is Mask * grad.</summary>
[Points("3.2", 2, Part = "dropout.backward")]
public sealed class DropoutBackwardTests
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("dropout.backward");
        var dropout = new Dropout(f.Scalar("rate"), new Rng(1));
        dropout.SetKeepMask(f.Tensor("keep"));

        Expect.Close("Dropout.Backward(x, grad), x (3, 6)", f.Tensor("expected"), dropout.Backward(f.Tensor("x"), f.Tensor("grad")));
    });
}
