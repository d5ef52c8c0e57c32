namespace NeuralNet.Perceptrons;

/// <summary>
/// HW3 Problem 1.3's kernelised multiclass perceptron (Algorithm 2): w_c = sum_i alpha[c, i] phi(x_i) is never
/// formed; predictions use only the kernel, yhat_i = argmax_y sum_m alpha[y, m] k(x_m, x_i), and a mistake on
/// example i does alpha[yhat, i] -= 1 and alpha[y_i, i] += 1.
/// </summary>
public sealed class KernelPerceptron
{
    private readonly Tensor[] _x;
    private readonly int[] _y;
    private readonly Func<Tensor, Tensor, double> _kernel;
    private readonly double[,] _gram;

    /// <summary>Creates the model with alpha = 0; the kernel matrix is computed once (the rubric allows storing it).</summary>
    /// <param name="x">training examples, shape (n, d)</param>
    /// <param name="y">labels, length n</param>
    /// <param name="classes">C</param>
    /// <param name="kernel">k(a, b) on two examples of shape (d)</param>
    public KernelPerceptron(Tensor x, int[] y, int classes, Func<Tensor, Tensor, double> kernel)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        if (x.Rank != 2 || x.Dim(0) != y.Length)
        {
            throw new ArgumentException($"KernelPerceptron: expected x of shape (n, d) with n = {y.Length}, found ({string.Join(", ", x.Shape)}).");
        }

        _x = Enumerable.Range(0, y.Length).Select(i => x.Slice(i, 1).Reshape(-1)).ToArray();
        _y = (int[])y.Clone();
        _kernel = kernel;
        _gram = new double[y.Length, y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            for (var m = 0; m < y.Length; m++)
            {
                _gram[m, i] = kernel(_x[m], _x[i]);
            }
        }

        Alpha = Tensor.Zeros(classes, y.Length);
    }

    /// <summary>The coefficients alpha[c, i], shape (C, n).</summary>
    public Tensor Alpha { get; }

    /// <summary>The linear kernel k(a, b) = aᵀb (equivalent to the primal perceptron).</summary>
    public static double LinearKernel(Tensor a, Tensor b) => (a * b).Sum();

    /// <summary>The polynomial kernel (aᵀb + c)^degree.</summary>
    public static Func<Tensor, Tensor, double> PolynomialKernel(int degree, double c = 1.0) =>
        (a, b) => Math.Pow((a * b).Sum() + c, degree);

    /// <summary>The Gaussian kernel exp(-gamma ||a - b||^2).</summary>
    public static Func<Tensor, Tensor, double> RbfKernel(double gamma) =>
        (a, b) => Math.Exp(-gamma * (a - b).Square().Sum());

    /// <summary>yhat_i = argmax_y sum_m alpha[y, m] k(x_m, x_i) for a training example (first class on ties).</summary>
    /// <param name="i">the example's index</param>
    public int PredictTraining(int i) => ArgMax(c => Score(c, m => _gram[m, i]));

    /// <summary>The prediction for a new point, through the kernel only.</summary>
    /// <param name="x">one example, shape (d)</param>
    public int Predict(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var k = _x.Select(xm => _kernel(xm, x)).ToArray();
        return ArgMax(c => Score(c, m => k[m]));
    }

    /// <summary>One iteration of Algorithm 2 on example i.</summary>
    /// <param name="i">the example's index</param>
    /// <returns>true when alpha changed</returns>
    public bool Update(int i)
    {
        var predicted = PredictTraining(i);
        if (predicted == _y[i])
        {
            return false;
        }

        Alpha[predicted, i] -= 1.0;
        Alpha[_y[i], i] += 1.0;
        return true;
    }

    /// <summary>Runs Algorithm 2: each step picks a random example and updates.</summary>
    /// <param name="steps">iterations</param>
    /// <param name="rng">picks the examples (same draws as <see cref="MulticlassPerceptron.Train"/> with the same seed)</param>
    /// <returns>the index picked at each step</returns>
    public int[] Train(int steps, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var picks = new int[steps];
        for (var t = 0; t < steps; t++)
        {
            picks[t] = rng.NextInt(_y.Length);
            Update(picks[t]);
        }

        return picks;
    }

    private double Score(int c, Func<int, double> kernelColumn)
    {
        var total = 0.0;
        for (var m = 0; m < _y.Length; m++)
        {
            var a = Alpha[c, m];
            if (a != 0.0)
            {
                total += a * kernelColumn(m);
            }
        }

        return total;
    }

    private int ArgMax(Func<int, double> score)
    {
        var best = 0;
        var bestScore = score(0);
        for (var c = 1; c < Alpha.Dim(0); c++)
        {
            var s = score(c);
            if (s > bestScore)
            {
                (best, bestScore) = (c, s);
            }
        }

        return best;
    }
}
