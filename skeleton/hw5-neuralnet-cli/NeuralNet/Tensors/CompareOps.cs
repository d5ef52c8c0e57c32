namespace NeuralNet;

// Comparisons give 1.0 where true and 0.0 where false, like numpy boolean masks used as numbers.
internal readonly struct GreaterOp : IBinaryOp
{
    public static string Name => "Greater";

    public static double Apply(double a, double b) => a > b ? 1.0 : 0.0;

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d)
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = a[i] > b[i] ? 1.0 : 0.0;
        }
    }

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d)
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = a[i] > b ? 1.0 : 0.0;
        }
    }

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d)
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = a > b[i] ? 1.0 : 0.0;
        }
    }
}

internal readonly struct GreaterOrEqualOp : IBinaryOp
{
    public static string Name => "GreaterOrEqual";

    public static double Apply(double a, double b) => a >= b ? 1.0 : 0.0;

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d)
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = a[i] >= b[i] ? 1.0 : 0.0;
        }
    }

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d)
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = a[i] >= b ? 1.0 : 0.0;
        }
    }

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d)
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = a >= b[i] ? 1.0 : 0.0;
        }
    }
}

internal readonly struct EqualOp : IBinaryOp
{
    public static string Name => "Eq";

    public static double Apply(double a, double b) => a == b ? 1.0 : 0.0;

    public static void Apply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d)
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = a[i] == b[i] ? 1.0 : 0.0;
        }
    }

    public static void Apply(ReadOnlySpan<double> a, double b, Span<double> d)
    {
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = a[i] == b ? 1.0 : 0.0;
        }
    }

    public static void Apply(double a, ReadOnlySpan<double> b, Span<double> d) => Apply(b, a, d);
}
