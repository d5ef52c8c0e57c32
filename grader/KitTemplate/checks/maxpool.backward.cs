using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: MaxPool2D.Backward routes each gradient to its window's maximum.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        Expect.Close("MaxPool2D(2, 2).Backward(x, grad), x (2, 2, 4, 4)", f.Tensor("expected"), new MaxPool2D(2, 2).Backward(f.Tensor("x"), f.Tensor("grad")));
    });
}
