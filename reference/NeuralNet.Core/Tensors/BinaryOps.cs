using System.Numerics.Tensors;

namespace NeuralNet;

/// <summary>An element-wise binary operation with vectorised span forms (TensorPrimitives where it has one).</summary>
internal interface IBinaryOp
{
    static abstract string Name { get; }

    static abstract double Apply(double a, double b);

    static abstract void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination);

    static abstract void Apply(ReadOnlySpan<double> a, double b, Span<double> destination);

    static abstract void Apply(double a, ReadOnlySpan<double> b, Span<double> destination);
}

internal readonly struct AddOp : IBinaryOp
{
    public static string Name => "Add";

    public static double Apply(double a, double b) => a + b;

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Add(a, b, d);

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d) => TensorPrimitives.Add(a, b, d);

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Add(b, a, d);
}

internal readonly struct SubtractOp : IBinaryOp
{
    public static string Name => "Subtract";

    public static double Apply(double a, double b) => a - b;

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Subtract(a, b, d);

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d) => TensorPrimitives.Subtract(a, b, d);

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Subtract(a, b, d);
}

internal readonly struct MultiplyOp : IBinaryOp
{
    public static string Name => "Multiply";

    public static double Apply(double a, double b) => a * b;

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Multiply(a, b, d);

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d) => TensorPrimitives.Multiply(a, b, d);

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Multiply(b, a, d);
}

internal readonly struct DivideOp : IBinaryOp
{
    public static string Name => "Divide";

    public static double Apply(double a, double b) => a / b;

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Divide(a, b, d);

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d) => TensorPrimitives.Divide(a, b, d);

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Divide(a, b, d);
}

internal readonly struct MaximumOp : IBinaryOp
{
    public static string Name => "Maximum";

    public static double Apply(double a, double b) => Math.Max(a, b);

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Max(a, b, d);

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d) => TensorPrimitives.Max(a, b, d);

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Max(b, a, d);
}

internal readonly struct MinimumOp : IBinaryOp
{
    public static string Name => "Minimum";

    public static double Apply(double a, double b) => Math.Min(a, b);

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Min(a, b, d);

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d) => TensorPrimitives.Min(a, b, d);

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Min(b, a, d);
}

internal readonly struct PowOp : IBinaryOp
{
    public static string Name => "Pow";

    public static double Apply(double a, double b) => Math.Pow(a, b);

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Pow(a, b, d);

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d) => TensorPrimitives.Pow(a, b, d);

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d) => TensorPrimitives.Pow(a, b, d);
}
