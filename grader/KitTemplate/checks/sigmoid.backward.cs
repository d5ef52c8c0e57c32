using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: Sigmoid.Backward is grad * s * (1 - s) with s = sigmoid(x).</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        Expect.Close("Sigmoid.Backward(x, grad), x (4, 5)", f.Tensor("expected"), new Sigmoid().Backward(f.Tensor("x"), f.Tensor("grad")));
    });
}
