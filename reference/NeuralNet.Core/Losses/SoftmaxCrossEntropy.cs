using NeuralNet.Layers;

namespace NeuralNet.Losses;

/// <summary>
/// Softmax followed by the cross-entropy loss, averaged over the mini-batch (HW6 eq. 7-17):
/// l_mb = -(1/N) sum_i log z_i[y_i] with z_i = softmax(a_i). Uses log-sum-exp so large logits stay finite.
/// </summary>
public sealed class SoftmaxCrossEntropy
{
    /// <summary>The mean cross-entropy of a batch.</summary>
    /// <param name="logits">scores a, shape (N, K)</param>
    /// <param name="labels">true classes y, length N, each in [0, K)</param>
    /// <returns>l_mb = -(1/N) sum_i (a_i[y_i] - log sum_k e^a_i[k])</returns>
    public double Forward(Tensor logits, int[] labels)
    {
        RequireBatch(logits, labels);
        var shifted = logits - logits.Max(1, keepDims: true); // (N, K)
        var logSumExp = shifted.Exp().Sum(1).Log(); // (N)
        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            total += logSumExp[i] - shifted[i, labels[i]];
        }

        return total / labels.Length;
    }

    /// <summary>The gradient of the mean loss with respect to the logits.</summary>
    /// <param name="logits">scores a, shape (N, K)</param>
    /// <param name="labels">true classes y, length N</param>
    /// <returns>dL/da = (softmax(a) - onehot(y)) / N, shape (N, K)</returns>
    public Tensor Backward(Tensor logits, int[] labels)
    {
        RequireBatch(logits, labels);
        var n = labels.Length;
        var dA = Softmax.Probabilities(logits) - OneHot(labels, logits.Dim(1)); // (N, K)
        return dA / n;
    }

    /// <summary>One-hot (1-of-K) encoding of labels (HW6 eq. 9).</summary>
    /// <param name="labels">classes, length N, each in [0, K)</param>
    /// <param name="classes">K</param>
    /// <returns>Y with Y[i, y_i] = 1 and 0 elsewhere, shape (N, K)</returns>
    public static Tensor OneHot(int[] labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var y = Tensor.Zeros(labels.Length, classes);
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"OneHot: label {labels[i]} at index {i} is outside [0, {classes}).");
            }

            y[i, labels[i]] = 1.0;
        }

        return y;
    }

    private static void RequireBatch(Tensor logits, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Rank != 2)
        {
            throw new ArgumentException($"SoftmaxCrossEntropy: expected logits of shape (N, K), found {ShapeText.Of(logits.Shape)}.");
        }

        if (logits.Dim(0) != labels.Length)
        {
            throw new ArgumentException($"SoftmaxCrossEntropy: {logits.Dim(0)} rows of logits but {labels.Length} labels; pass one label per example.");
        }

        if (labels.Length == 0)
        {
            throw new ArgumentException("SoftmaxCrossEntropy: the batch is empty.");
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)logits.Dim(1))
            {
                throw new ArgumentOutOfRangeException(nameof(labels), $"SoftmaxCrossEntropy: label {labels[i]} at index {i} is outside [0, {logits.Dim(1)}).");
            }
        }
    }
}
