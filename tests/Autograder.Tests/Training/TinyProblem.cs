using NeuralNet;
using NeuralNet.Data;
using NeuralNet.Layers;
using NeuralNet.Training;

namespace Autograder.Tests.Training;

/// <summary>A small separable problem and a tiny network for training tests (runs in milliseconds).</summary>
internal static class TinyProblem
{
    /// <summary>Three Gaussian blobs in 4-D, labels 0..2, rows in random class order.</summary>
    public static Dataset Blobs(int n, ulong seed, double spread = 0.3)
    {
        var rng = new Rng(seed);
        var x = new double[n * 4];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var c = rng.NextInt(3);
            labels[i] = c;
            for (var j = 0; j < 4; j++)
            {
                var centre = j == c ? 1.0 : 0.0;
                x[(i * 4) + j] = centre + (spread * rng.NextNormal());
            }
        }

        return new Dataset(Tensor.FromArray(x, n, 4), labels, 1, 4, numClasses: 3);
    }

    /// <summary>4 -> 8 -> relu -> 3.</summary>
    public static LayerChain Network(ulong seed)
    {
        var rng = new Rng(seed);
        return new LayerChain([new Linear(4, 8, rng), new Relu(), new Linear(8, 3, rng)]);
    }
}
