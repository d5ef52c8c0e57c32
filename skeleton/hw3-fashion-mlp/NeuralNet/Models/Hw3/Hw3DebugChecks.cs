using NeuralNet.Data;
using NeuralNet.Gradients;
using NeuralNet.Layers;
using NeuralNet.Losses;
using NeuralNet.Experiments;
using NeuralNet.Training;

namespace NeuralNet.Models.Hw3;

/// <summary>
/// HW3 3.1.5's <c>--check_gradient</c> and <c>--check_magnitude</c> for any chain of layers: entry 0 of each
/// parameter of the first two parameterised layers ("L1", "L2": W1, b1, W2, b2 for the MLP), and the
/// l1 norm of dW1 on batches of 50 and 5000 examples. Dropout is off during the checks.
/// </summary>
public sealed class Hw3DebugChecks : IDebugChecks
{
    /// <summary>Backpropagates one batch and compares four gradient entries with central differences.</summary>
    /// <param name="model">the network (its weights are restored)</param>
    /// <param name="x">a batch, shape (N, D)</param>
    /// <param name="y">its labels, length N</param>
    /// <returns>one line per checked entry</returns>
    public IReadOnlyList<GradientCheckLog> Gradients(LayerChain model, Tensor x, int[] y)
    {
        ArgumentNullException.ThrowIfNull(model);
        var loss = new SoftmaxCrossEntropy();
        model.Backward(loss.Backward(model.Forward(x, training: false), y));
        var lines = new List<GradientCheckLog>();
        var layerNumber = 0;
        foreach (var layer in model.Layers.Where(l => l.Parameters.Count > 0).Take(2))
        {
            layerNumber++;
            foreach (var p in layer.Parameters)
            {
                var index = new int[p.Value.Rank];
                var backprop = p.Grad[index];
                var approximate = GradientChecker.ApproximateEntry(() => loss.Forward(model.Forward(x, training: false), y), p.Value, index);
                lines.Add(new GradientCheckLog($"L{layerNumber}", p.Name, backprop, approximate, GradientChecker.RelError(backprop, approximate)));
            }
        }

        return lines;
    }

    /// <summary>The l1 norm of the first parameter's gradient (dW1) on random batches of each size.</summary>
    /// <param name="model">the network</param>
    /// <param name="train">the training examples</param>
    /// <param name="rng">chooses the batches</param>
    /// <param name="batchSizes">sizes to compare (HW3: 50 and 5000), each capped at N</param>
    /// <returns>one line per size</returns>
    public IReadOnlyList<MagnitudeCheckLog> Magnitudes(LayerChain model, Dataset train, Rng rng, IReadOnlyList<int> batchSizes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(batchSizes);
        var loss = new SoftmaxCrossEntropy();
        Parameter first = model.Parameters[0];
        var lines = new List<MagnitudeCheckLog>();
        foreach (var requested in batchSizes)
        {
            var size = Math.Min(requested, train.Count);
            var batch = train.Subset(rng.Permutation(train.Count)[..size]);
            model.Backward(loss.Backward(model.Forward(batch.X, training: false), batch.Labels));
            lines.Add(new MagnitudeCheckLog(size, first.Grad.Abs().Sum()));
        }

        return lines;
    }
}
