using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: u = x W + b for a batch.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var layer = Linear.FromWeights(f.Tensor("W"), f.Tensor("b"));

        Expect.Close("Linear.Forward(x), x (4, 3), W (3, 2)", f.Tensor("expected"), layer.Forward(f.Tensor("x")));
    });
}
