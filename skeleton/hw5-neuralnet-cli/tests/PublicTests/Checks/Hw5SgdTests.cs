using NeuralNet.Models.Hw5;

namespace PublicTests.Checks;

/// <summary>Public check sgd, part hw5.sgd: one SGD step on alpha and beta, in place.</summary>
[Points("sgd", 2, Part = "hw5.sgd")]
public sealed class Hw5SgdTests
{
    [Fact]
    public void SgdStep_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("hw5.sgd");
        var net = new Hw5Network(6, 4, 3, Hw5Init.Zero, new Rng(1));
        net.Alpha.Value.CopyFrom(f.Tensor("alpha"));
        net.Beta.Value.CopyFrom(f.Tensor("beta"));
        net.Alpha.Grad = f.Tensor("galpha");
        net.Beta.Grad = f.Tensor("gbeta");

        net.SgdStep(f.Scalar("lr"));

        Expect.Close("alpha after one step (4, 7)", f.Tensor("alpha_after"), net.Alpha.Value);
        Expect.Close("beta after one step (3, 5)", f.Tensor("beta_after"), net.Beta.Value);
    });
}
