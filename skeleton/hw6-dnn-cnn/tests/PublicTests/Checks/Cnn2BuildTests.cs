using NeuralNet.Layers;
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

    [Fact]
    public void Cnn2_HasOneDropoutBeforeL1_WithTheRateItIsGiven() => Check.Run(() =>
    {
        // Figure 4 keeps the first CNN's dropout just before the linear layer; its rate is Cnn2's argument (q310 uses 0.5).
        var model = Hw6Models.Cnn2(new Rng(1), 0.3);
        var dropouts = new List<(string Name, double Rate, int After)>();
        var withParameters = 0;
        void Walk(Sequential network)
        {
            foreach (var (name, layer) in network.Layers)
            {
                if (layer is Sequential inner)
                {
                    Walk(inner);
                }
                else if (layer is Dropout dropout)
                {
                    dropouts.Add((name, dropout.Rate, withParameters));
                }
                else if (layer.Parameters.Count > 0)
                {
                    withParameters++;
                }
            }
        }

        Walk(model.Network);
        var found = dropouts.Count == 0
            ? "none"
            : string.Join("; ", dropouts.Select(d => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{d.Name}' with rate {d.Rate:g3} after {d.After} layers with parameters")));
        Expect.That(dropouts.Count == 1 && Math.Abs(dropouts[0].Rate - 0.3) <= 1e-9 && dropouts[0].After == 2,
            $"CNN2 built with dropout rate 0.3: expected one dropout layer with rate 0.3 after the two convolutions C1 and C2 (just before L1), found {found}");
    });
}
