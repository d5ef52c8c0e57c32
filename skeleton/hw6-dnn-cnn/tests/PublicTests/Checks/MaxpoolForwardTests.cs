using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 3.7, part maxpool.forward: MaxPool2D.Forward takes the maximum of each 2 x 2 window (stride 2).</summary>
[Points("3.7", 0, Part = "maxpool.forward")]
public sealed class MaxpoolForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("maxpool.forward");

        Expect.Close("MaxPool2D(2, 2).Forward(x), x (2, 2, 4, 4)", f.Tensor("expected"), new MaxPool2D(2, 2).Forward(f.Tensor("x")));
    });
}
