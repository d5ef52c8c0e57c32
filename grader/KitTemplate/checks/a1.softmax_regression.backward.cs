using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: softmax regression's weight gradient after a training forward pass.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var model = new SoftmaxRegression(6, 3, new Rng(1));
        model.W1.Value.CopyFrom(f.Tensor("W1"));

        model.Forward(f.Tensor("x"), f.Ints("y"), A1Mode.Train);

        Expect.Close("W1.Grad (6, 3) after Forward in Train mode", f.Tensor("dW1"), model.W1.Grad);
    });
}
