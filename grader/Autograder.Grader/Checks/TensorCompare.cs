using System.Globalization;
using Autograder.Worker.Protocol;

namespace Autograder.Grader.Checks;

/// <summary>
/// Compares what the submission returned with what the reference returned: shapes first, then
/// NaN/Inf, then |got - expected| &lt;= atol + rtol * |expected| element-wise, naming the worst index.
/// Also the CS231n relative error max |a - b| / max(|a| + |b|, 1e-8) used by gradient checks.
/// </summary>
internal static class TensorCompare
{
    public const double RelErrorFloor = 1e-8;

    /// <summary>Throws <see cref="CheckFailure"/> with an actionable message when <paramref name="got"/> does not match.</summary>
    /// <param name="what">what is compared, first in the message</param>
    /// <param name="expected">the reference's value</param>
    /// <param name="got">the student's value</param>
    /// <param name="atol">absolute tolerance</param>
    /// <param name="rtol">relative tolerance</param>
    /// <param name="hints">tensors the check knows besides these two (input, upstream gradient, bias...), used to name the likely mistake</param>
    public static void AssertClose(string what, WireValue expected, WireValue got, double atol, double rtol, IReadOnlyList<Hint>? hints = null)
    {
        var (eShape, e) = AsTensor(expected) ?? throw new RubricError($"{what}: the reference returned {Describe(expected)}, not a tensor or number");
        if (AsTensor(got) is not var (gShape, g))
        {
            throw new CheckFailure($"{what}: expected a tensor of shape {Shape(eShape)}, got {Describe(got)}");
        }

        if (!eShape.SequenceEqual(gShape))
        {
            throw new CheckFailure($"{what}: wrong shape: expected {Shape(eShape)}, got {Shape(gShape)}{Likely(eShape, e, gShape, g, hints, atol, rtol)}");
        }

        var bad = Array.FindIndex(g, v => !double.IsFinite(v));
        if (bad >= 0 && double.IsFinite(e[bad]))
        {
            throw new CheckFailure($"{what}: got {Format(g[bad])} at index {Index(eShape, bad)} (expected {Format(e[bad])})");
        }

        var worst = -1;
        var worstExcess = 0.0;
        for (var i = 0; i < e.Length; i++)
        {
            var excess = Math.Abs(g[i] - e[i]) - (atol + rtol * Math.Abs(e[i]));
            if (excess > worstExcess || (double.IsNaN(g[i]) != double.IsNaN(e[i])))
            {
                worstExcess = double.IsNaN(excess) ? double.PositiveInfinity : excess;
                worst = i;
            }
        }

        if (worst >= 0)
        {
            var count = Enumerable.Range(0, e.Length).Count(i => Math.Abs(g[i] - e[i]) > atol + rtol * Math.Abs(e[i]));
            throw new CheckFailure(
                $"{what}: {count} of {e.Length} values differ; worst at index {Index(eShape, worst)}: expected {Format(e[worst])}, got {Format(g[worst])} " +
                $"(tolerance atol={atol:g3}, rtol={rtol:g3}){Likely(eShape, e, gShape, g, hints, atol, rtol)}");
        }
    }

    /// <summary>"; likely mistake: ..." when <see cref="MistakeFinder"/> recognises the difference, else empty.</summary>
    private static string Likely(int[] eShape, double[] e, int[] gShape, double[] g, IReadOnlyList<Hint>? hints, double atol, double rtol) =>
        MistakeFinder.Explain(eShape, e, gShape, g, hints ?? [], atol, rtol) is { } why ? $"; likely mistake: {why}" : "";

    /// <summary>A hint made from a tensor sent to or received from a worker (null when it is not a tensor).</summary>
    public static Hint? HintOf(string name, HintRole role, WireValue value) =>
        AsTensor(value) is var (shape, values) ? new Hint(name, role, shape, values) : null;

    /// <summary>The CS231n relative error of two equally long arrays, with its worst index.</summary>
    public static (double Error, int Index) RelError(double[] a, double[] b)
    {
        var worst = 0.0;
        var at = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var err = Math.Abs(a[i] - b[i]) / Math.Max(Math.Abs(a[i]) + Math.Abs(b[i]), RelErrorFloor);
            if (err > worst || double.IsNaN(err))
            {
                worst = double.IsNaN(err) ? double.PositiveInfinity : err;
                at = i;
            }
        }

        return (worst, at);
    }

    /// <summary>Shape and values of a tensor or a number (a number is shape ()).</summary>
    public static (int[] Shape, double[] Values)? AsTensor(WireValue value) => value switch
    {
        TensorValue t => (t.Shape, t.Values()),
        DoubleValue d => ([], [d.Value]),
        IntValue i => ([], [i.Value]),
        DoublesValue d => ([d.Values.Length], d.Values),
        _ => null,
    };

    public static string Shape(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    public static string Index(int[] shape, int flat)
    {
        if (shape.Length == 0)
        {
            return "()";
        }

        var index = new int[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }

        return $"[{string.Join(", ", index)}]";
    }

    public static string Format(double v) => v.ToString("g6", CultureInfo.InvariantCulture);

    public static string Describe(WireValue v) => v switch
    {
        NullValue => "null",
        TensorValue t => $"a tensor of shape {Shape(t.Shape)}",
        ObjectValue o => $"an object of type {o.Type}",
        ListValue l => $"a list of {l.Items.Count} items",
        _ => v.GetType().Name.Replace("Value", "", StringComparison.Ordinal).ToLowerInvariant(),
    };
}
