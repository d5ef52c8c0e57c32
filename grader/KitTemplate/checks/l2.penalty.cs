using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: the L2 penalty 0.5 lambda sum(w^2) over weights, not biases.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Penalty_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        Parameter[] parameters = [new("W", f.Tensor("W")), new("b", f.Tensor("b"))];

        Expect.Close("L2Regularization.Penalty([W, b], lambda)", f.Scalar("expected"), L2Regularization.Penalty(parameters, f.Scalar("lambda")));
    });
}
