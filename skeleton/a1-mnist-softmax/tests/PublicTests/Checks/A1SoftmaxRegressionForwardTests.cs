using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.2, part a1.softmax_regression.forward: softmax regression's loss and accuracy (no bias, ReLU before softmax).</summary>
[Points("2.2", 2, Part = "a1.softmax_regression.forward")]
public sealed class A1SoftmaxRegressionForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.softmax_regression.forward");
        var model = new SoftmaxRegression(6, 3, new Rng(1));
        model.W1.Value.CopyFrom(f.Tensor("W1"));

        var result = model.Forward(f.Tensor("x"), f.Ints("y"), A1Mode.Valid);

        Expect.Close("loss of SoftmaxRegression.Forward (5 examples)", f.Scalar("loss"), result.Loss);
        Expect.Close("accuracy of SoftmaxRegression.Forward", f.Scalar("accuracy"), result.Accuracy);
    });
}
