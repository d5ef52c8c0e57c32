using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: MaxPool2D.Forward takes the maximum of each 2 x 2 window (stride 2).</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("MaxPool2D(2, 2).Forward(x), x (2, 2, 4, 4)", f.Tensor("expected"), new MaxPool2D(2, 2).Forward(f.Tensor("x")));
    });
}
