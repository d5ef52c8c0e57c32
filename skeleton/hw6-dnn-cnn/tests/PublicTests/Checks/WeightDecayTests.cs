using NeuralNet.Optimizers;

namespace PublicTests.Checks;

/// <summary>Public check 3.6, part weight_decay: the weight-decay gradient dw + lambda w.</summary>
[Points("3.6", 0, Part = "weight_decay")]
public sealed class WeightDecayTests
{
    [Fact]
    public void Gradient_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("weight_decay");
        var w = f.Tensor("W");
        var dw = f.Tensor("dW");

        Expect.Close("WeightDecay.Gradient(dW, W, lambda) (3, 2)", f.Tensor("expected"), WeightDecay.Gradient(dw, w, f.Scalar("lambda")));
        Expect.Close("dW after the call (must not change)", f.Tensor("dW"), dw);
    });
}
