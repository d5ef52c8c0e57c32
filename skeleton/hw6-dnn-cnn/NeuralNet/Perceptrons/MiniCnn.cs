namespace NeuralNet.Perceptrons;

/// <summary>
/// HW3 Problem 2's mini convolutional network on x = (x1, x2, x3): a filter (w1, w2), ReLU, and a fully
/// connected layer (v1, v2), with the logistic loss l = ln(1 + exp(-y yhat)) for y in {-1, +1}.
/// </summary>
public sealed class MiniCnn
{
    /// <summary>Creates the network.</summary>
    public MiniCnn(double w1, double w2, double v1, double v2) => (W1, W2, V1, V2) = (w1, w2, v1, v2);

    /// <summary>Filter weight w1.</summary>
    public double W1 { get; private set; }

    /// <summary>Filter weight w2.</summary>
    public double W2 { get; private set; }

    /// <summary>Output weight v1.</summary>
    public double V1 { get; private set; }

    /// <summary>Output weight v2.</summary>
    public double V2 { get; private set; }

    /// <summary>The logistic sigmoid.</summary>
    public static double Sigma(double z) => z >= 0 ? 1.0 / (1.0 + Math.Exp(-z)) : Math.Exp(z) / (1.0 + Math.Exp(z));

    /// <summary>The forward computation.</summary>
    /// <param name="x">(x1, x2, x3)</param>
    public MiniCnnForward Forward(double[] x)
    {
        RequireInput(x);
        var a1 = x[0] * W1 + x[1] * W2;
        var a2 = x[1] * W1 + x[2] * W2;
        var o1 = Math.Max(0.0, a1);
        var o2 = Math.Max(0.0, a2);
        return new MiniCnnForward(a1, a2, o1, o2, o1 * V1 + o2 * V2);
    }

    /// <summary>l = ln(1 + exp(-y yhat)), computed without overflow.</summary>
    /// <param name="x">(x1, x2, x3)</param>
    /// <param name="y">-1 or +1</param>
    public double Loss(double[] x, int y)
    {
        var margin = y * Forward(x).YHat;
        return margin >= 0 ? Math.Log(1.0 + Math.Exp(-margin)) : -margin + Math.Log(1.0 + Math.Exp(margin));
    }

    /// <summary>The closed-form partial derivatives of problems 2.1 and 2.2, with H(a) = 1[a &gt; 0].</summary>
    /// <param name="x">(x1, x2, x3)</param>
    /// <param name="y">-1 or +1</param>
    public MiniCnnGradients Gradients(double[] x, int y)
    {
        RequireLabel(y);
        var f = Forward(x);
        var common = (Sigma(y * f.YHat) - 1.0) * y;
        var h1 = f.A1 > 0 ? 1.0 : 0.0;
        var h2 = f.A2 > 0 ? 1.0 : 0.0;
        return new MiniCnnGradients(
            common * (V1 * h1 * x[0] + V2 * h2 * x[1]),
            common * (V1 * h1 * x[1] + V2 * h2 * x[2]),
            common * f.O1,
            common * f.O2);
    }

    /// <summary>One update of Algorithm 3: all four parameters move together, w using the old v.</summary>
    /// <param name="x">(x_n1, x_n2, x_n3)</param>
    /// <param name="y">y_n, -1 or +1</param>
    /// <param name="eta">the learning rate</param>
    public void Step(double[] x, int y, double eta)
    {
        var g = Gradients(x, y);
        W1 -= eta * g.DW1;
        W2 -= eta * g.DW2;
        V1 -= eta * g.DV1;
        V2 -= eta * g.DV2;
    }

    /// <summary>Algorithm 3's repeat loop: each step picks a random example and updates.</summary>
    /// <param name="x">examples, each (x1, x2, x3)</param>
    /// <param name="y">labels in {-1, +1}</param>
    /// <param name="steps">iterations</param>
    /// <param name="eta">the learning rate</param>
    /// <param name="rng">picks the examples</param>
    public void Train(IReadOnlyList<double[]> x, IReadOnlyList<int> y, int steps, double eta, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(rng);
        for (var t = 0; t < steps; t++)
        {
            var n = rng.NextInt(y.Count);
            Step(x[n], y[n], eta);
        }
    }

    private static void RequireInput(double[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Length != 3)
        {
            throw new ArgumentException($"MiniCnn: expected x = (x1, x2, x3), found {x.Length} values.");
        }
    }

    private static void RequireLabel(int y)
    {
        if (y is not (-1 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, "MiniCnn: the label must be -1 or +1.");
        }
    }
}
