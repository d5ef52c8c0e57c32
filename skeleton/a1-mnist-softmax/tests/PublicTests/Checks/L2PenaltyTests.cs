using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace PublicTests.Checks;

/// <summary>Public check 3, part l2.penalty: the L2 penalty 0.5 lambda sum(w^2) over weights, not biases.</summary>
[Points("3", 0, Part = "l2.penalty")]
public sealed class L2PenaltyTests
{
    [Fact]
    public void Penalty_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("l2.penalty");
        Parameter[] parameters = [new("W", f.Tensor("W")), new("b", f.Tensor("b"))];

        Expect.Close("L2Regularization.Penalty([W, b], lambda)", f.Scalar("expected"), L2Regularization.Penalty(parameters, f.Scalar("lambda")));
    });
}
