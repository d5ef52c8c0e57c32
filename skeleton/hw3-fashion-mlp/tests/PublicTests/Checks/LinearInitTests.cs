using NeuralNet.Layers;

namespace PublicTests.Checks;

/// <summary>Public check 3.1.1, part linear.init: Linear's constructor draws W (D, M) and b (1, M) from N(0, 0.1).</summary>
[Points("3.1.1", 2, Part = "linear.init")]
public sealed class LinearInitTests
{
    [Fact]
    public void Init_DrawsFromNormalWithStd01() => Check.Run(() =>
    {
        var layer = new Linear(200, 100, new Rng(3));

        Expect.That(layer.W.Value.Shape.SequenceEqual([200, 100]), $"W: expected shape (200, 100), got {Expect.Shape(layer.W.Value.Shape)}");
        Expect.That(layer.B.Value.Shape.SequenceEqual([1, 100]), $"b: expected shape (1, 100), got {Expect.Shape(layer.B.Value.Shape)}");
        // 20,000 draws: the sample mean is within 0.005 of 0 and the std within 0.005 of 0.1.
        Expect.Between("mean of W", -0.005, 0.005, layer.W.Value.Mean());
        Expect.Between("std of W", 0.095, 0.105, Math.Sqrt(layer.W.Value.Square().Mean() - Math.Pow(layer.W.Value.Mean(), 2)));
        Expect.Between("std of b (100 draws)", 0.07, 0.13, Math.Sqrt(layer.B.Value.Square().Mean() - Math.Pow(layer.B.Value.Mean(), 2)));
        Expect.Close("W.Grad before any backward pass", Tensor.Zeros(200, 100), layer.W.Grad);
        Expect.Close("b.Grad before any backward pass", Tensor.Zeros(1, 100), layer.B.Grad);
    });
}
