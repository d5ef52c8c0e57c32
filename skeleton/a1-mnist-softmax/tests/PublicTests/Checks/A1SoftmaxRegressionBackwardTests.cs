using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.2, part a1.softmax_regression.backward: softmax regression's weight gradient after a training forward pass.</summary>
[Points("2.2", 2, Part = "a1.softmax_regression.backward")]
public sealed class A1SoftmaxRegressionBackwardTests
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.softmax_regression.backward");
        var model = new SoftmaxRegression(6, 3, new Rng(1));
        model.W1.Value.CopyFrom(f.Tensor("W1"));

        model.Forward(f.Tensor("x"), f.Ints("y"), A1Mode.Train);

        Expect.Close("W1.Grad (6, 3) after Forward in Train mode", f.Tensor("dW1"), model.W1.Grad);
    });
}
