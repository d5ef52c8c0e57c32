using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 2.2, part a1.two_layer.forward: the two-layer network's loss and accuracy (sigmoid hidden layer, biases).</summary>
[Points("2.2", 2, Part = "a1.two_layer.forward")]
public sealed class A1TwoLayerForwardTests
{
    [Fact]
    public void Forward_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.two_layer.forward");
        var model = new TwoLayerNet(6, 3, 4);
        model.W1.Value.CopyFrom(f.Tensor("W1"));
        model.B1.Value.CopyFrom(f.Tensor("b1"));
        model.W2.Value.CopyFrom(f.Tensor("W2"));
        model.B2.Value.CopyFrom(f.Tensor("b2"));

        var result = model.Forward(f.Tensor("x"), f.Ints("y"), A1Mode.Valid);

        Expect.Close("loss of TwoLayerNet.Forward (5 examples)", f.Scalar("loss"), result.Loss);
        Expect.Close("accuracy of TwoLayerNet.Forward", f.Scalar("accuracy"), result.Accuracy);
    });
}
