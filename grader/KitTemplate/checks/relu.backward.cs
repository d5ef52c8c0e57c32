using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: Relu.Backward passes grad where x &gt; 0 and 0 elsewhere (also at x == 0).</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        Expect.Close("Relu.Backward(x, grad), x (4, 5)", f.Tensor("expected"), new Relu().Backward(f.Tensor("x"), f.Tensor("grad")));
    });
}
