using System.Globalization;
using Xunit.Sdk;

namespace PublicTests.Support;

/// <summary>Assertions whose failures tell you what to fix: expected vs got, the worst index and the tolerance.</summary>
public static class Expect
{
    /// <summary>Relative tolerance of value checks.</summary>
    public const double RelativeTolerance = 1e-5;

    /// <summary>Absolute tolerance of value checks.</summary>
    public const double AbsoluteTolerance = 1e-7;

    /// <summary>Checks shape and values: |got - expected| &lt;= atol + rtol * |expected| everywhere.</summary>
    /// <param name="what">what the tensor is, e.g. "Linear.Forward output"</param>
    /// <param name="expected">the reference value</param>
    /// <param name="actual">your value</param>
    public static void Close(string what, Tensor expected, Tensor? actual, double rtol = RelativeTolerance, double atol = AbsoluteTolerance)
    {
        if (actual is null)
        {
            throw new PublicCheckException($"{what}: expected a tensor of shape {Shape(expected.Shape)}, got null");
        }

        if (!expected.Shape.SequenceEqual(actual.Shape))
        {
            throw new PublicCheckException($"{what}: expected shape {Shape(expected.Shape)}, got {Shape(actual.Shape)}");
        }

        var want = expected.ToArray();
        var got = actual.ToArray();
        var worst = -1;
        var worstExcess = 0.0;
        for (var i = 0; i < want.Length; i++)
        {
            var excess = double.IsFinite(got[i]) ? Math.Abs(got[i] - want[i]) - (atol + rtol * Math.Abs(want[i])) : double.PositiveInfinity;
            if (excess > worstExcess)
            {
                (worst, worstExcess) = (i, excess);
            }
        }

        if (worst >= 0)
        {
            var bad = Enumerable.Range(0, want.Length).Count(i => !(Math.Abs(got[i] - want[i]) <= atol + rtol * Math.Abs(want[i])));
            throw new PublicCheckException(
                $"{what}: {bad} of {want.Length} values differ; worst at index {Index(worst, expected.Shape)}: " +
                $"expected {N(want[worst])}, got {N(got[worst])} (tolerance {N(atol)} + {N(rtol)} * |expected|)");
        }
    }

    /// <summary>Checks one number: |got - expected| &lt;= atol + rtol * |expected|.</summary>
    public static void Close(string what, double expected, double actual, double rtol = RelativeTolerance, double atol = AbsoluteTolerance)
    {
        if (!(Math.Abs(actual - expected) <= atol + rtol * Math.Abs(expected)))
        {
            throw new PublicCheckException($"{what}: expected {N(expected)}, got {N(actual)} (tolerance {N(atol)} + {N(rtol)} * |expected|)");
        }
    }

    /// <summary>Checks that a number lies in [low, high].</summary>
    public static void Between(string what, double low, double high, double actual)
    {
        if (!(actual >= low && actual <= high))
        {
            throw new PublicCheckException($"{what}: expected a value in [{N(low)}, {N(high)}], got {N(actual)}");
        }
    }

    /// <summary>Checks a condition, failing with <paramref name="message"/>.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new PublicCheckException(message);
        }
    }

    public static string Shape(int[] shape) => shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    private static string Index(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (var axis = shape.Length - 1; axis >= 0; axis--)
        {
            index[axis] = flat % Math.Max(shape[axis], 1);
            flat /= Math.Max(shape[axis], 1);
        }

        return $"[{string.Join(", ", index)}]";
    }

    private static string N(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
