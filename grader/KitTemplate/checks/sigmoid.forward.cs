using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: Sigmoid.Forward is 1 / (1 + exp(-x)) element-wise.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("Sigmoid.Forward(x), x (4, 5)", f.Tensor("expected"), new Sigmoid().Forward(f.Tensor("x")));
    });
}
