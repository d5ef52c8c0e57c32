using NeuralNet.Models.Hw6;

namespace PublicTests.Checks;

/// <summary>Public check 3.9, part cnn2.build: the two-convolution CNN of figure 4 (Q3.9).</summary>
[Points("3.9", 2, Part = "cnn2.build")]
public sealed class Cnn2BuildTests
{
    [Fact]
    public void Cnn2_HasFigure4sParametersAndOutputShape() => Check.Run(() =>
    {
        var f = FixtureFile.Load("cnn2.build");
        var model = Hw6Models.Cnn2(new Rng(1), 0.5);

        Expect.Close("number of parameters of CNN2", f.Scalar("parameters"), model.ParameterCount, rtol: 0, atol: 0);
        var logits = model.Network.Forward(Tensor.Zeros(2, 784));
        Expect.That(logits.Shape.SequenceEqual(f.Ints("logits_shape")), $"CNN2 logits for 2 images: expected shape {Expect.Shape(f.Ints("logits_shape"))}, got {Expect.Shape(logits.Shape)}");
    });
}
