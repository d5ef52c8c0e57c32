namespace Autograder.Worker.Written;

/// <summary>
/// The globals object a compiled answer runs against: the answer functions, under the names and
/// with the formulas of the host's <c>FunctionTable</c>, and the bound variable values (read by
/// the generated prologue; answers cannot name them, the validator only lets through the
/// question's variables and these functions).
/// </summary>
public sealed class AnswerGlobals
{
    internal AnswerGlobals(double[] numbers, Mat[] matrices)
    {
        BoundNumbers = numbers;
        BoundMatrices = matrices;
    }

    public double[] BoundNumbers { get; }

    public Mat[] BoundMatrices { get; }

    /// <summary>sigma(z) = 1 / (1 + e^-z), written so neither branch overflows.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1 / (1 + Math.Exp(-z));
        }

        var e = Math.Exp(z);
        return e / (1 + e);
    }

    /// <summary>The step function H(a) = I[a > 0] (HW3 2.2).</summary>
    public static double H(double a) => a > 0 ? 1 : 0;

    public static double Relu(double a) => Math.Max(0, a);

    public static double I(bool condition) => condition ? 1 : 0;

    public static double Exp(double x) => Math.Exp(x);

    public static double Log(double x) => Math.Log(x);

    public static double Sqrt(double x) => Math.Sqrt(x);

    public static double Abs(double x) => Math.Abs(x);

    public static double Sign(double x) => Math.Sign(x);

    public static double Sin(double x) => Math.Sin(x);

    public static double Cos(double x) => Math.Cos(x);

    public static double Tanh(double x) => Math.Tanh(x);

    public static double Pow(double x, double p) => Math.Pow(x, p);

    public static double Max(double a, double b) => Math.Max(a, b);

    public static double Min(double a, double b) => Math.Min(a, b);

    public static Mat T(Mat m) => Mat.Build(m.Cols, m.Rows, (r, c) => m[c, r]);

    public static Mat Outer(Mat u, Mat v)
    {
        Vector(u, "Outer");
        Vector(v, "Outer");
        return Mat.Build(u.Rows, v.Rows, (r, c) => u[r, 0] * v[c, 0]);
    }

    public static Mat Diag(Mat v)
    {
        Vector(v, "Diag");
        return Mat.Build(v.Rows, v.Rows, (r, c) => r == c ? v[r, 0] : 0);
    }

    public static double Dot(Mat u, Mat v)
    {
        Vector(u, "Dot");
        Vector(v, "Dot");
        if (u.Rows != v.Rows)
        {
            throw new InvalidOperationException($"Dot: vectors of lengths {u.Rows} and {v.Rows}");
        }

        var sum = 0.0;
        for (var i = 0; i < u.Rows; i++)
        {
            sum += u[i, 0] * v[i, 0];
        }

        return sum;
    }

    public static double Sum(Mat m) => m.ToArray().Sum();

    private static void Vector(Mat m, string function)
    {
        if (m.Cols != 1)
        {
            throw new InvalidOperationException($"{function} expects a vector (shape n x 1), found a matrix {m.ShapeText}");
        }
    }
}
