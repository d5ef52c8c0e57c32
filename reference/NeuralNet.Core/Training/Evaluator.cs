using NeuralNet.Data;
using NeuralNet.Losses;

namespace NeuralNet.Training;

/// <summary>Accuracy and mean cross-entropy of a model on a data set, in test mode (dropout off).</summary>
public static class Evaluator
{
    /// <summary>Runs the model over the data in chunks.</summary>
    /// <param name="model">the network</param>
    /// <param name="data">examples, X shape (N, D)</param>
    /// <param name="chunkSize">rows per forward pass</param>
    /// <param name="maxExamples">use only the first this-many examples (quick mode); null for all</param>
    /// <returns>accuracy in [0, 1] and the mean cross-entropy over the examples used</returns>
    public static (double Accuracy, double Loss) Evaluate(ITrainableModel model, Dataset data, int chunkSize = 1000, int? maxExamples = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        var n = Math.Min(data.Count, maxExamples ?? int.MaxValue);
        if (n == 0)
        {
            throw new ArgumentException("Evaluator: the data set is empty.", nameof(data));
        }

        var loss = new SoftmaxCrossEntropy();

        // A set still held as pixel bytes is scaled a chunk at a time into one buffer (the same values as X).
        var pixels = data.HasPixelsOnly;
        var x = pixels ? null : data.X.Contiguous();
        var buffer = pixels ? Tensor.Zeros(Math.Min(chunkSize, n), data.Features) : null;
        var correct = 0;
        var totalLoss = 0.0;
        for (var start = 0; start < n; start += chunkSize)
        {
            var count = Math.Min(chunkSize, n - start);
            var labels = data.Labels[start..(start + count)];
            Tensor rows;
            if (pixels)
            {
                data.ScalePixelRows(start, count, buffer!.AsSpan());
                rows = count == buffer.Dim(0) ? buffer : buffer.Slice(0, count);
            }
            else
            {
                rows = x!.Slice(start, count);
            }

            var logits = model.Forward(rows, training: false); // (count, K)
            totalLoss += loss.Forward(logits, labels) * count;
            var predicted = logits.ArgMaxRows();
            for (var i = 0; i < count; i++)
            {
                correct += predicted[i] == labels[i] ? 1 : 0;
            }
        }

        return ((double)correct / n, totalLoss / n);
    }

    /// <summary>Predicted classes (argmax of the logits; the first one on ties, like numpy).</summary>
    /// <param name="model">the network</param>
    /// <param name="x">inputs, shape (N, D)</param>
    /// <param name="chunkSize">rows per forward pass</param>
    /// <returns>N labels</returns>
    public static int[] Predict(ITrainableModel model, Tensor x, int chunkSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        var n = x.Dim(0);
        var result = new int[n];
        for (var start = 0; start < n; start += chunkSize)
        {
            var count = Math.Min(chunkSize, n - start);
            model.Forward(x.Slice(start, count), training: false).ArgMaxRows().CopyTo(result, start);
        }

        return result;
    }
}
