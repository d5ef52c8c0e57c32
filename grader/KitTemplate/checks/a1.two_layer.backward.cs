using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: the two-layer network's gradients after a training forward pass.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void Backward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");
        var model = new TwoLayerNet(6, 3, 4);
        model.W1.Value.CopyFrom(f.Tensor("W1"));
        model.B1.Value.CopyFrom(f.Tensor("b1"));
        model.W2.Value.CopyFrom(f.Tensor("W2"));
        model.B2.Value.CopyFrom(f.Tensor("b2"));

        model.Forward(f.Tensor("x"), f.Ints("y"), A1Mode.Train);

        Expect.Close("W2.Grad (4, 3)", f.Tensor("dW2"), model.W2.Grad);
        Expect.Close("b2.Grad", f.Tensor("db2"), model.B2.Grad);
        Expect.Close("W1.Grad (6, 4)", f.Tensor("dW1"), model.W1.Grad);
        Expect.Close("b1.Grad", f.Tensor("db1"), model.B1.Grad);
    });
}
