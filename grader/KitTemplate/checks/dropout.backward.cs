using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: Dropout.Backward is Mask * grad.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var dropout = new Dropout(f.Scalar("rate"), new Rng(1));
        dropout.SetKeepMask(f.Tensor("keep"));

        Expect.Close("Dropout.Backward(x, grad), x (3, 6)", f.Tensor("expected"), dropout.Backward(f.Tensor("x"), f.Tensor("grad")));
    });
}
