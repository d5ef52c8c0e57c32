using NeuralNet.Models.Hw5;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: the backward pass stores the gradients of alpha and beta.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var net = new Hw5Network(6, 4, 3, Hw5Init.Zero, new Rng(1));
        net.Alpha.Value.CopyFrom(f.Tensor("alpha"));
        net.Beta.Value.CopyFrom(f.Tensor("beta"));
        var y = (int)f.Scalar("y");

        net.Backward(net.Forward(f.Tensor("x"), y), y);

        Expect.Close("gbeta = dJ/dbeta (3, 5)", f.Tensor("gbeta"), net.Beta.Grad);
        Expect.Close("galpha = dJ/dalpha (4, 7)", f.Tensor("galpha"), net.Alpha.Grad);
    });
}
