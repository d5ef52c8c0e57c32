using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 3.7, part maxpool.backward: MaxPool2D.Backward routes each gradient to its window's maximum.</summary>
[Points("3.7", 0, Part = "maxpool.backward")]
public sealed class MaxpoolBackwardTests
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("maxpool.backward");

        Expect.Close("MaxPool2D(2, 2).Backward(x, grad), x (2, 2, 4, 4)", f.Tensor("expected"), new MaxPool2D(2, 2).Backward(f.Tensor("x"), f.Tensor("grad")));
    });
}
