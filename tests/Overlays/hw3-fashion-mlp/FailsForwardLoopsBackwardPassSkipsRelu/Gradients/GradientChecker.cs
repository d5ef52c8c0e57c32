namespace NeuralNet.Gradients;

/// <summary>
/// Numerical gradients by central differences, dF/dw ~ (F(w + eps) - F(w - eps)) / (2 eps) (HW3 3.1.5),
/// and the relative error used to compare them with backpropagation (CS231n's gradient_check.py).
/// </summary>
public static class GradientChecker
{
    /// <summary>HW3's perturbation, eps = 1e-3.</summary>
    public const double DefaultEpsilon = 1e-3;

    /// <summary>The denominator floor of <see cref="RelError(double, double)"/>, so two zeros compare as equal.</summary>
    public const double RelErrorFloor = 1e-8;

    /// <summary>
    /// Approximates dF/dw for one entry of a parameter: perturbs <c>w[index]</c> by +eps and -eps, evaluates
    /// the loss each time and restores the entry afterwards.
    /// </summary>
    /// <param name="loss">evaluates F with the current parameter values (e.g. one forward pass)</param>
    /// <param name="w">the parameter tensor, modified temporarily</param>
    /// <param name="index">the entry, e.g. [0, 0]</param>
    /// <param name="epsilon">the perturbation eps</param>
    /// <returns>(F(w + eps) - F(w - eps)) / (2 eps)</returns>
    public static double ApproximateEntry(Func<double> loss, Tensor w, int[] index, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        var original = w[index];
        w[index] = original + epsilon;
        var lossPlus = loss();
        w[index] = original - epsilon;
        var lossMinus = loss();
        w[index] = original;
        return (lossPlus - lossMinus) / (2 * epsilon);
    }

    /// <summary>The numerical gradient of a scalar function with respect to every entry of <paramref name="x"/>.</summary>
    /// <param name="f">evaluates the function, reading <paramref name="x"/></param>
    /// <param name="x">the tensor to differentiate with respect to (contiguous; restored afterwards)</param>
    /// <param name="epsilon">the perturbation; 1e-5 gives ~1e-10 accuracy on smooth functions</param>
    /// <returns>df/dx, same shape as <paramref name="x"/></returns>
    public static Tensor NumericalGradient(Func<double> f, Tensor x, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        var values = x.AsSpan().ToArray();
        var grad = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            x.AsSpan()[i] = values[i] + epsilon;
            var plus = f();
            x.AsSpan()[i] = values[i] - epsilon;
            var minus = f();
            x.AsSpan()[i] = values[i];
            grad[i] = (plus - minus) / (2.0 * epsilon);
        }

        return Tensor.FromArray(grad, x.Shape);
    }

    /// <summary>
    /// The numerical gradient of sum(output * gradOutput) for a tensor-valued function: what a layer's
    /// backward pass should return for the upstream gradient <paramref name="gradOutput"/>.
    /// </summary>
    /// <param name="f">evaluates the function, reading <paramref name="x"/></param>
    /// <param name="x">the input to perturb (contiguous; restored afterwards)</param>
    /// <param name="gradOutput">the upstream gradient, shape of f's output</param>
    /// <param name="epsilon">the perturbation</param>
    /// <returns>d(sum(f(x) * gradOutput))/dx, same shape as <paramref name="x"/></returns>
    public static Tensor NumericalGradient(Func<Tensor> f, Tensor x, Tensor gradOutput, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(gradOutput);
        return NumericalGradient(() => (f() * gradOutput).Sum(), x, epsilon);
    }

    /// <summary>Relative error |a - b| / max(1e-8, |a| + |b|) of two numbers.</summary>
    public static double RelError(double a, double b) => Math.Abs(a - b) / Math.Max(RelErrorFloor, Math.Abs(a) + Math.Abs(b));

    /// <summary>The largest element-wise relative error |a - b| / max(1e-8, |a| + |b|) of two tensors.</summary>
    /// <param name="a">e.g. the backpropagated gradient</param>
    /// <param name="b">e.g. the numerical gradient, same shape</param>
    /// <returns>the worst entry's relative error (0 when both are empty)</returns>
    public static double RelError(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.SameShape(b))
        {
            throw new ArgumentException($"RelError: shapes ({string.Join(", ", a.Shape)}) and ({string.Join(", ", b.Shape)}) differ.");
        }

        var x = a.ToArray();
        var y = b.ToArray();
        var worst = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            worst = Math.Max(worst, RelError(x[i], y[i]));
        }

        return worst;
    }
}
