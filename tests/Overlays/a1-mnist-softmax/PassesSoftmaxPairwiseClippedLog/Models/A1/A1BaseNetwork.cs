using NeuralNet.Layers;

namespace NeuralNet.Models.A1;

/// <summary>
/// Deep Learning A1's <c>_baseNetwork</c>: the activation, loss and accuracy functions both A1 models share
/// (A1 section 2.1), and the weight and gradient storage. A model's <see cref="Forward"/> returns the loss and
/// accuracy of a batch and, in <see cref="A1Mode.Train"/>, fills every parameter's gradient.
/// </summary>
public abstract class A1BaseNetwork
{
    /// <summary>Sets the sizes.</summary>
    /// <param name="inputSize">pixels per image, 28*28</param>
    /// <param name="numClasses">10 digits</param>
    protected A1BaseNetwork(int inputSize, int numClasses)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numClasses);
        InputSize = inputSize;
        NumClasses = numClasses;
    }

    /// <summary>Input features per example.</summary>
    public int InputSize { get; }

    /// <summary>Number of classes.</summary>
    public int NumClasses { get; }

    /// <summary>The weights (and biases) with their gradients, by A1's names ("W1", "b1", ...).</summary>
    public abstract IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The loss and accuracy of a batch; in train mode also every gradient.</summary>
    /// <param name="x">images, shape (N, InputSize)</param>
    /// <param name="y">labels, length N</param>
    /// <param name="mode">train computes gradients, valid does not</param>
    /// <returns>the mean cross-entropy and the accuracy</returns>
    public abstract A1Result Forward(Tensor x, int[] y, A1Mode mode = A1Mode.Train);

    /// <summary>The numerically stable softmax of each row.</summary>
    /// <param name="scores">shape (N, C)</param>
    /// <returns>probabilities, shape (N, C), rows summing to 1</returns>
    public static Tensor Softmax(Tensor scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var n = scores.Dim(0);
        var c = scores.Dim(1);
        var p = Tensor.Zeros(n, c);
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < c; k++)
            {
                // p_k = e^{s_k} / sum_j e^{s_j} = 1 / sum_j e^{s_j - s_k}; an overflowing term makes p_k 0, its limit
                var denominator = 0.0;
                for (var j = 0; j < c; j++)
                {
                    denominator += Math.Exp(scores[i, j] - scores[i, k]);
                }

                p[i, k] = 1.0 / denominator;
            }
        }

        return p;
    }

    /// <summary>The mean cross-entropy of predicted probabilities.</summary>
    /// <param name="xPred">probabilities after softmax, shape (N, C)</param>
    /// <param name="y">labels, length N</param>
    /// <returns>-(1/N) sum_i log xPred[i, y_i]</returns>
    public static double CrossEntropyLoss(Tensor xPred, int[] y)
    {
        RequireBatch(xPred, y);
        const double tiny = 1e-15; // log(0) guard, as np.clip(p, 1e-15, 1)
        var logs = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            logs[i] = Math.Log(Math.Clamp(xPred[i, y[i]], tiny, 1.0));
        }

        return -logs.Average();
    }

    /// <summary>The fraction of rows whose largest probability is at the true label.</summary>
    /// <param name="xPred">probabilities (or scores), shape (N, C)</param>
    /// <param name="y">labels, length N</param>
    /// <returns>accuracy in [0, 1]</returns>
    public static double ComputeAccuracy(Tensor xPred, int[] y)
    {
        RequireBatch(xPred, y);
        var predicted = xPred.ArgMaxRows();
        var correct = 0;
        for (var i = 0; i < y.Length; i++)
        {
            correct += predicted[i] == y[i] ? 1 : 0;
        }

        return (double)correct / y.Length;
    }

    /// <summary>The logistic sigmoid 1 / (1 + e^-x), element-wise.</summary>
    /// <param name="x">any shape</param>
    /// <returns>same shape as <paramref name="x"/></returns>
    public static Tensor Sigmoid(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return 1.0 / (1.0 + (-x).Exp());
    }

    /// <summary>The derivative of the sigmoid at <paramref name="x"/> (the sigmoid's input, not its output).</summary>
    /// <param name="x">any shape</param>
    /// <returns>sigmoid(x) * (1 - sigmoid(x)), same shape</returns>
    public static Tensor SigmoidDev(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var s = Sigmoid(x);
        return s * (1.0 - s);
    }

    /// <summary>ReLU, max(0, x) element-wise.</summary>
    /// <param name="x">any shape</param>
    /// <returns>same shape as <paramref name="x"/></returns>
    public static Tensor Relu(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Maximum(0.0);
    }

    /// <summary>The derivative of ReLU: 1 where x &gt; 0, otherwise 0 (also at 0).</summary>
    /// <param name="x">any shape</param>
    /// <returns>a 0/1 tensor, same shape</returns>
    public static Tensor ReluDev(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x > 0.0;
    }

    /// <summary>Checks that a batch of rows and its labels agree.</summary>
    /// <param name="rows">shape (N, C)</param>
    /// <param name="y">labels, length N, each in [0, C)</param>
    protected static void RequireBatch(Tensor rows, int[] y)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(y);
        if (rows.Rank != 2 || rows.Dim(0) != y.Length || y.Length == 0)
        {
            throw new ArgumentException($"A1: expected a non-empty batch of shape (N, C) with N = {y.Length} labels, found ({string.Join(", ", rows.Shape)}).");
        }

        var bad = Array.FindIndex(y, label => (uint)label >= (uint)rows.Dim(1));
        if (bad >= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(y), $"A1: label {y[bad]} at index {bad} is outside [0, {rows.Dim(1)}).");
        }
    }
}
