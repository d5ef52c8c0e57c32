using NeuralNet;
using NeuralNet.Data;

namespace Autograder.Tests.Experiments;

/// <summary>Tiny 28 x 28 data sets where class c lights up row band c, so every model can learn them in a few steps.</summary>
internal static class SyntheticImages
{
    public static Dataset Make(int n, ulong seed)
    {
        var rng = new Rng(seed);
        var x = new double[n * 784];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var c = rng.NextInt(10);
            labels[i] = c;
            for (var p = 0; p < 784; p++)
            {
                var row = p / 28;
                x[(i * 784) + p] = (row / 3 == c ? 0.8 : 0.0) + (0.2 * rng.NextDouble());
            }
        }

        return new Dataset(Tensor.FromArray(x, n, 784), labels, 28, 28);
    }

    public static DataSplits Splits(int train = 120, int validation = 40, int test = 40) =>
        new(Make(train, 1), Make(validation, 2), Make(test, 3));
}
