using NeuralNet.Models.Hw5;

namespace PublicTests.Checks;

/// <summary>Public check init, part hw5.init: RANDOM draws U[-0.1, 0.1] with a zero bias column; ZERO is all zeros.</summary>
[Points("init", 2, Part = "hw5.init")]
public sealed class Hw5InitTests
{
    [Fact]
    public void Random_IsUniformWithZeroBiasColumn() => Check.Run(() =>
    {
        var w = Hw5Network.InitializeWeights(50, 41, Hw5Init.Random, new Rng(3));

        Expect.That(w.Shape.SequenceEqual([50, 41]), $"InitializeWeights(50, 41): expected shape (50, 41), got {Expect.Shape(w.Shape)}");
        for (var i = 0; i < 50; i++)
        {
            Expect.Close($"bias weight w[{i}, 0]", 0.0, w[i, 0], rtol: 0, atol: 0);
        }

        var weights = Enumerable.Range(0, 50).SelectMany(i => Enumerable.Range(1, 40).Select(j => w[i, j])).ToArray();
        Expect.Between("smallest non-bias weight", -0.1, 0.1, weights.Min());
        Expect.Between("largest non-bias weight", -0.1, 0.1, weights.Max());
        // 2,000 draws of U[-0.1, 0.1]: std 0.0577, so the sample std is within 0.005 of it.
        var mean = weights.Average();
        Expect.Between("std of the non-bias weights", 0.0527, 0.0627, Math.Sqrt(weights.Select(v => (v - mean) * (v - mean)).Average()));
    });

    [Fact]
    public void Zero_IsAllZeros() => Check.Run(() =>
    {
        var w = Hw5Network.InitializeWeights(4, 7, Hw5Init.Zero, new Rng(3));

        Expect.Close("InitializeWeights(4, 7, ZERO)", Tensor.Zeros(4, 7), w, rtol: 0, atol: 0);
    });
}
