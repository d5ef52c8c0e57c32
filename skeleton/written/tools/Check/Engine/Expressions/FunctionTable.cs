namespace Autograder.Grader.Written.Expressions;

/// <summary>
/// The functions of written answers. Student answers may call the non-host-only ones; the worker's
/// script globals expose exactly these names with the same meaning (a test holds both lists equal).
/// Host-only functions draw random values and are used by the question bank's binding generators.
/// </summary>
public static class FunctionTable
{
    public static readonly IReadOnlyList<FunctionSpec> All =
    [
        Scalar("Sigmoid", "Sigmoid(z)", "1 / (1 + e^-z)", MathFunctions.Sigmoid),
        Scalar("H", "H(a)", "step: 1 if a > 0, else 0 (the derivative of ReLU, HW3 2.2)", a => a > 0 ? 1 : 0),
        Scalar("Relu", "Relu(a)", "max(0, a)", a => Math.Max(0, a)),
        new("I", 1, 1, "I(condition)", "indicator: 1 if the condition holds, else 0", false, (a, _) => new ScalarValue(Truth(a[0], "I") ? 1 : 0)),
        Scalar("Exp", "Exp(x)", "e^x", Math.Exp),
        Scalar("Log", "Log(x)", "natural logarithm", Math.Log),
        Scalar("Sqrt", "Sqrt(x)", "square root", Math.Sqrt),
        Scalar("Abs", "Abs(x)", "absolute value", Math.Abs),
        Scalar("Sign", "Sign(x)", "-1, 0 or 1", x => Math.Sign(x)),
        Scalar("Sin", "Sin(x)", "sine", Math.Sin),
        Scalar("Cos", "Cos(x)", "cosine", Math.Cos),
        Scalar("Tanh", "Tanh(x)", "hyperbolic tangent", Math.Tanh),
        Scalar2("Pow", "Pow(x, p)", "x to the power p", Math.Pow),
        Scalar2("Max", "Max(a, b)", "the larger of a and b", Math.Max),
        Scalar2("Min", "Min(a, b)", "the smaller of a and b", Math.Min),
        new("T", 1, 1, "T(M)", "transpose of a matrix or vector", false, (a, _) => new MatrixValue(MatrixFunctions.Transpose(Mat(a[0], "T")))),
        new("Outer", 2, 2, "Outer(u, v)", "outer product u v^T of two vectors", false, (a, _) => new MatrixValue(MatrixFunctions.Outer(Mat(a[0], "Outer"), Mat(a[1], "Outer")))),
        new("Diag", 1, 1, "Diag(v)", "square matrix with the vector v on its diagonal", false, (a, _) => new MatrixValue(MatrixFunctions.Diag(Mat(a[0], "Diag")))),
        new("Dot", 2, 2, "Dot(u, v)", "dot product u^T v of two vectors", false, (a, _) => new ScalarValue(MatrixFunctions.Dot(Mat(a[0], "Dot"), Mat(a[1], "Dot")))),
        new("Sum", 1, 1, "Sum(M)", "sum of all entries", false, (a, _) => new ScalarValue(Mat(a[0], "Sum").ToArray().Sum())),

        // Binding generators only: random draws from the submission's seeded stream.
        new("Normal", 2, 2, "Normal(mean, std)", "a normal draw", true, (a, c) => new ScalarValue(Num(a[0], "Normal") + (Num(a[1], "Normal") * c.RequireRng("Normal").NextNormal()))),
        new("Uniform", 2, 2, "Uniform(low, high)", "a uniform draw in [low, high)", true, (a, c) => new ScalarValue(Num(a[0], "Uniform") + ((Num(a[1], "Uniform") - Num(a[0], "Uniform")) * c.RequireRng("Uniform").NextDouble()))),
        new("Int", 2, 2, "Int(low, high)", "a uniform integer in [low, high)", true, (a, c) => new ScalarValue(Num(a[0], "Int") + c.RequireRng("Int").NextInt((int)(Num(a[1], "Int") - Num(a[0], "Int"))))),
        new("RandomSign", 0, 0, "RandomSign()", "-1 or +1 with equal odds", true, (_, c) => new ScalarValue(c.RequireRng("RandomSign").NextInt(2) == 0 ? -1 : 1)),
        new("NormalVector", 1, 1, "NormalVector(n)", "n standard normal draws, shape (n, 1)", true, (a, c) => new MatrixValue(MatrixFunctions.Normal(Size(a[0], "NormalVector"), 1, c.RequireRng("NormalVector")))),
        new("NormalMatrix", 2, 2, "NormalMatrix(r, c)", "standard normal draws, shape (r, c)", true, (a, c) => new MatrixValue(MatrixFunctions.Normal(Size(a[0], "NormalMatrix"), Size(a[1], "NormalMatrix"), c.RequireRng("NormalMatrix")))),
        new("Softmax", 1, 1, "Softmax(z)", "softmax of a vector", true, (a, _) => new MatrixValue(MatrixFunctions.Softmax(Mat(a[0], "Softmax")))),
    ];

    private static readonly Dictionary<string, FunctionSpec> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The functions a student answer may call, in the kit's order.</summary>
    public static IEnumerable<FunctionSpec> StudentFunctions => All.Where(f => !f.HostOnly);

    public static FunctionSpec? Find(string name, bool allowHostOnly) =>
        ByName.TryGetValue(name, out var f) && (allowHostOnly || !f.HostOnly) ? f : null;

    private static FunctionSpec Scalar(string name, string signature, string summary, Func<double, double> f) =>
        new(name, 1, 1, signature, summary, false, (a, _) => new ScalarValue(f(Num(a[0], name))));

    private static FunctionSpec Scalar2(string name, string signature, string summary, Func<double, double, double> f) =>
        new(name, 2, 2, signature, summary, false, (a, _) => new ScalarValue(f(Num(a[0], name), Num(a[1], name))));

    internal static double Num(ExprValue v, string function) =>
        v is ScalarValue s ? s.Value : throw new EvaluationException($"{function} expects a number, found a {v.Describe()}");

    private static bool Truth(ExprValue v, string function) =>
        v is TruthValue t ? t.Value : throw new EvaluationException($"{function} expects a condition such as a > 0, found a {v.Describe()}");

    private static Matrix Mat(ExprValue v, string function) =>
        v is MatrixValue m ? m.Value : throw new EvaluationException($"{function} expects a matrix or vector, found a {v.Describe()}");

    private static int Size(ExprValue v, string function)
    {
        var n = Num(v, function);
        return n is >= 1 and <= 64 && n == Math.Floor(n) ? (int)n : throw new EvaluationException($"{function}: size {n} is not an integer in [1, 64]");
    }
}
