using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: Tanh.Backward is grad * (1 - tanh(x)^2).</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        Expect.Close("Tanh.Backward(x, grad), x (4, 5)", f.Tensor("expected"), new Tanh().Backward(f.Tensor("x"), f.Tensor("grad")));
    });
}
