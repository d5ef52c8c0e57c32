namespace NeuralNet.Perceptrons;

/// <summary>
/// HW3 Problem 1's multiclass perceptron: SGD with learning rate 1 on the multiclass perceptron loss
/// F_i(w) = max{0, max_{y != y_i} (w_yᵀx_i - w_{y_i}ᵀx_i)}, starting from w_1 = ... = w_C = 0 (Algorithm 1).
/// </summary>
public sealed class MulticlassPerceptron
{
    /// <summary>Creates the model with zero weights.</summary>
    /// <param name="classes">C</param>
    /// <param name="features">d</param>
    public MulticlassPerceptron(int classes, int features)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        W = Tensor.Zeros(classes, features);
    }

    /// <summary>The weight vectors w_c as rows, shape (C, d).</summary>
    public Tensor W { get; }

    /// <summary>yhat = argmax_y w_yᵀx (the first class on ties).</summary>
    /// <param name="w">weights, shape (C, d)</param>
    /// <param name="x">one example, shape (d)</param>
    public static int Predict(Tensor w, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(x);
        return w.MatMul(x.Reshape(-1, 1)).Reshape(1, -1).ArgMaxRows()[0];
    }

    /// <summary>F_i(w) = max{0, max_{y != y_i} (w_yᵀx - w_{y_i}ᵀx)}.</summary>
    /// <param name="w">weights, shape (C, d)</param>
    /// <param name="x">one example, shape (d)</param>
    /// <param name="y">its label y_i</param>
    public static double Loss(Tensor w, Tensor x, int y)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(x);
        var scores = w.MatMul(x.Reshape(-1, 1)).ToArray(); // (C)
        var worst = 0.0;
        for (var c = 0; c < scores.Length; c++)
        {
            if (c != y)
            {
                worst = Math.Max(worst, scores[c] - scores[y]);
            }
        }

        return worst;
    }

    /// <summary>
    /// dF_i/dw_c for every c (problem 1.1): all zero when yhat = y_i; otherwise x_i for c = yhat, -x_i for c = y_i
    /// and 0 for the other classes.
    /// </summary>
    /// <param name="w">weights, shape (C, d)</param>
    /// <param name="x">one example, shape (d)</param>
    /// <param name="y">its label y_i</param>
    /// <returns>the gradient, one row per class, shape (C, d)</returns>
    public static Tensor LossGradient(Tensor w, Tensor x, int y)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(x);
        var grad = Tensor.Zeros(w.Shape);
        var predicted = Predict(w, x);
        if (predicted != y)
        {
            for (var j = 0; j < x.Dim(0); j++)
            {
                grad[predicted, j] = x[j];
                grad[y, j] = -x[j];
            }
        }

        return grad;
    }

    /// <summary>One iteration of Algorithm 1 on example (x, y): if yhat != y, w_yhat -= x and w_y += x.</summary>
    /// <param name="x">the example, shape (d)</param>
    /// <param name="y">its label</param>
    /// <returns>true when the weights changed</returns>
    public bool Update(Tensor x, int y)
    {
        ArgumentNullException.ThrowIfNull(x);
        var predicted = Predict(W, x);
        if (predicted == y)
        {
            return false;
        }

        for (var j = 0; j < x.Dim(0); j++)
        {
            W[predicted, j] -= x[j];
            W[y, j] += x[j];
        }

        return true;
    }

    /// <summary>Runs Algorithm 1: each step picks a random example and updates.</summary>
    /// <param name="x">training examples, shape (n, d)</param>
    /// <param name="y">labels, length n</param>
    /// <param name="steps">iterations of the repeat loop</param>
    /// <param name="rng">picks the examples</param>
    /// <returns>the index picked at each step</returns>
    public int[] Train(Tensor x, int[] y, int steps, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rng);
        var picks = new int[steps];
        for (var t = 0; t < steps; t++)
        {
            picks[t] = rng.NextInt(y.Length);
            Update(x.Slice(picks[t], 1).Reshape(-1), y[picks[t]]);
        }

        return picks;
    }
}
