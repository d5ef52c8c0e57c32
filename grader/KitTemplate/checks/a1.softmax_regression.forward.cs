using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: softmax regression's loss and accuracy (no bias, ReLU before softmax).</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var model = new SoftmaxRegression(6, 3, new Rng(1));
        model.W1.Value.CopyFrom(f.Tensor("W1"));

        var result = model.Forward(f.Tensor("x"), f.Ints("y"), A1Mode.Valid);

        Expect.Close("loss of SoftmaxRegression.Forward (5 examples)", f.Scalar("loss"), result.Loss);
        Expect.Close("accuracy of SoftmaxRegression.Forward", f.Scalar("accuracy"), result.Accuracy);
    });
}
