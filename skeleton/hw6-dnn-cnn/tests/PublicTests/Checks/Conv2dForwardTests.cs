using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 3.7, part conv2d.forward: Conv2D.Forward, 3 filters of 3 x 3 with stride 1 and padding 1.</summary>
[Points("3.7", 0, Part = "conv2d.forward")]
public sealed class Conv2dForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("conv2d.forward");
        var conv = new Conv2D(2, 3, 3, new Rng(1), stride: 1, padding: 1);
        conv.W.Value.CopyFrom(f.Tensor("W"));
        conv.B.Value.CopyFrom(f.Tensor("b"));

        Expect.Close("Conv2D.Forward(x), x (2, 2, 5, 5), W (3, 2, 3, 3)", f.Tensor("expected"), conv.Forward(f.Tensor("x")));
    });
}
