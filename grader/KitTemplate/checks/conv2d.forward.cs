using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: Conv2D.Forward, 3 filters of 3 x 3 with stride 1 and padding 1.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var conv = new Conv2D(2, 3, 3, new Rng(1), stride: 1, padding: 1);
        conv.W.Value.CopyFrom(f.Tensor("W"));
        conv.B.Value.CopyFrom(f.Tensor("b"));

        Expect.Close("Conv2D.Forward(x), x (2, 2, 5, 5), W (3, 2, 3, 3)", f.Tensor("expected"), conv.Forward(f.Tensor("x")));
    });
}
