namespace Autograder.Grader.Checks;

/// <summary>
/// A tensor the check knows besides the two it compares, used to name a likely mistake: the input, the upstream
/// gradient, a bias, the forward output, or another expected value of the same call (another input's gradient).
/// </summary>
internal sealed record Hint(string Name, HintRole Role, int[] Shape, double[] Values);

/// <summary>What a <see cref="Hint"/> is to the call under test.</summary>
internal enum HintRole
{
    /// <summary>The input x; its first dimension is the batch size.</summary>
    Input,

    /// <summary>The upstream gradient handed to Backward.</summary>
    Upstream,

    /// <summary>A bias parameter's value (added to every row of the output).</summary>
    Bias,

    /// <summary>Another value the same call should produce (e.g. the gradient of another parameter).</summary>
    Expected,

    /// <summary>What a gradient held before the call: got = expected + this means the call added instead of storing.</summary>
    Before,
}

/// <summary>
/// Names the likely mistake when a tensor differs from the expected one, by testing the common relations between
/// what was got and what was expected: a flipped sign, a constant factor (N or 1/N: a missing or extra batch
/// average), a transpose, a bias not summed over the batch or missing from the output, the value of another tensor
/// (the gradient of the wrong input, the upstream gradient passed through), and differences confined to where the
/// input is zero, to one sign of the input, or to one row or column. Returns null when nothing fits.
/// </summary>
internal static class MistakeFinder
{
    public static string? Explain(int[] eShape, double[] e, int[] gShape, double[] g, IReadOnlyList<Hint> hints, double atol, double rtol)
    {
        // Looser than the check's own tolerance: a relation is a diagnosis, not a grade.
        atol = Math.Max(atol * 10, 1e-9);
        rtol = Math.Max(rtol * 10, 1e-6);
        var batch = hints.FirstOrDefault(h => h.Role == HintRole.Input && h.Shape.Length > 1)?.Shape[0];
        return eShape.SequenceEqual(gShape)
            ? SameShape(eShape, e, g, hints, batch, atol, rtol)
            : OtherShape(eShape, e, gShape, g, atol, rtol);
    }

    private static string? OtherShape(int[] eShape, double[] e, int[] gShape, double[] g, double atol, double rtol)
    {
        if (eShape.Length == 2 && gShape.Length == 2 && eShape[0] == gShape[1] && eShape[1] == gShape[0] && Close(e, Transpose(g, gShape), atol, rtol))
        {
            return $"your result is the transpose of the expected one ({Shape(gShape)} instead of {Shape(eShape)})";
        }

        if (e.Length == g.Length && Close(e, g, atol, rtol))
        {
            return $"the values are right but the shape is {Shape(gShape)}, not {Shape(eShape)} (keep the dimensions: keepDims, or reshape)";
        }

        var columns = eShape.Length == 0 ? 1 : eShape[^1];
        if (gShape.Length == 2 && gShape[1] == columns && e.Length == columns && gShape[0] > 1)
        {
            var sums = ColumnSums(g, gShape);
            var means = sums.Select(s => s / gShape[0]).ToArray();
            if (Close(e, sums, atol, rtol))
            {
                return $"your result keeps one row per example ({Shape(gShape)}); sum it over the batch (rows) to get {Shape(eShape)}";
            }

            if (Close(e, means, atol, rtol))
            {
                return $"your result keeps one row per example ({Shape(gShape)}); its row average is the expected value but with the batch still in it";
            }
        }

        return null;
    }

    private static string? SameShape(int[] shape, double[] e, double[] g, IReadOnlyList<Hint> hints, int? batch, double atol, double rtol)
    {
        if (e.All(v => v == 0) || !g.All(double.IsFinite))
        {
            return null;
        }

        if (Close(e, [.. g.Select(v => -v)], atol, rtol))
        {
            return "the sign is flipped everywhere (got = -expected)";
        }

        if (Factor(e, g) is { } c && Math.Abs(c - 1) > 1e-6 && c != 0 && Close(e, [.. g.Select(v => v / c)], atol, rtol))
        {
            if (batch is > 1 && Math.Abs(c - batch.Value) < 1e-6 * batch)
            {
                return $"every value is {batch} times too large, {batch} being the batch size: a missing average over the batch (divide by N)";
            }

            if (batch is > 1 && Math.Abs(c * batch.Value - 1) < 1e-6)
            {
                return $"every value is {batch} times too small, {batch} being the batch size: an extra average over the batch (divided by N twice, or where a sum is asked)";
            }

            return $"every value is off by the same factor: got = {Number(c)} x expected";
        }

        foreach (var before in hints.Where(h => h.Role == HintRole.Before && h.Shape.SequenceEqual(shape)))
        {
            if (Close([.. e.Zip(before.Values, (a, b) => a + b)], g, atol, rtol))
            {
                return $"your result is the expected gradient plus what {before.Name} held before the call: store it (=) instead of adding to it (+=)";
            }
        }

        foreach (var hint in hints.Where(h => h.Values.Length == g.Length && h.Role != HintRole.Before))
        {
            if (hint.Shape.SequenceEqual(shape) && Close(hint.Values, g, atol, rtol))
            {
                return hint.Role switch
                {
                    HintRole.Upstream => $"your result equals {hint.Name}, passed through unchanged",
                    HintRole.Input => $"your result equals the input {hint.Name}",
                    HintRole.Expected => $"your result is what {hint.Name} should be: the gradient of the wrong tensor?",
                    _ => $"your result equals {hint.Name}",
                };
            }
        }

        foreach (var upstream in hints.Where(h => h.Role == HintRole.Upstream && h.Shape.Length == 2 && h.Shape[1] == g.Length && h.Shape[0] > 1))
        {
            if (Close(upstream.Values.AsSpan(0, g.Length).ToArray(), g, atol, rtol))
            {
                return $"your result is the first row of {upstream.Name}: it should be summed over all {upstream.Shape[0]} rows (the batch)";
            }

            var means = ColumnSums(upstream.Values, upstream.Shape).Select(s => s / upstream.Shape[0]).ToArray();
            if (Close(means, g, atol, rtol))
            {
                return $"your result is the row average of {upstream.Name}; the expected value is its sum over the {upstream.Shape[0]} rows";
            }
        }

        if (shape.Length == 2)
        {
            foreach (var bias in hints.Where(h => h.Role == HintRole.Bias && h.Values.Length == shape[1]))
            {
                var without = Broadcast(e, shape, bias.Values, -1);
                if (Close(without, g, atol, rtol))
                {
                    return $"your result is the expected one without the bias {bias.Name}: add it to every row";
                }

                if (Close(Broadcast(e, shape, bias.Values, 1), g, atol, rtol))
                {
                    return $"your result has the bias {bias.Name} added twice";
                }
            }
        }

        var wrong = Enumerable.Range(0, e.Length).Where(i => Math.Abs(g[i] - e[i]) > atol + rtol * Math.Abs(e[i])).ToList();
        if (wrong.Count == 0)
        {
            return null;
        }

        foreach (var input in hints.Where(h => h.Role == HintRole.Input && h.Shape.SequenceEqual(shape)))
        {
            if (wrong.All(i => input.Values[i] == 0))
            {
                return $"every difference is where {input.Name} is exactly 0 (check > against >= at zero)";
            }

            if (wrong.All(i => input.Values[i] < 0) && input.Values.Any(v => v < 0))
            {
                return $"every difference is where {input.Name} < 0; where {input.Name} > 0 your values are right";
            }

            if (wrong.All(i => input.Values[i] > 0) && input.Values.Any(v => v > 0))
            {
                return $"every difference is where {input.Name} > 0; where {input.Name} < 0 your values are right";
            }
        }

        if (shape.Length == 2 && shape[0] > 1 && shape[1] > 1 && wrong.Count < e.Length)
        {
            var rows = wrong.Select(i => i / shape[1]).Distinct().ToList();
            if (rows.Count == 1)
            {
                return $"every difference is in row {rows[0]}{(rows[0] == shape[0] - 1 ? " (the last: a loop that stops one short?)" : rows[0] == 0 ? " (the first: a loop that starts at 1?)" : "")}";
            }

            var cols = wrong.Select(i => i % shape[1]).Distinct().ToList();
            if (cols.Count == 1)
            {
                return $"every difference is in column {cols[0]}{(cols[0] == shape[1] - 1 ? " (the last: a loop that stops one short?)" : cols[0] == 0 ? " (the first: a loop that starts at 1, or the bias column?)" : "")}";
            }
        }

        return null;
    }

    /// <summary>The least-squares c with g ≈ c·e.</summary>
    private static double? Factor(double[] e, double[] g)
    {
        double eg = 0, ee = 0;
        for (var i = 0; i < e.Length; i++)
        {
            eg += e[i] * g[i];
            ee += e[i] * e[i];
        }

        return ee > 0 ? eg / ee : null;
    }

    private static bool Close(double[] expected, double[] got, double atol, double rtol)
    {
        if (expected.Length != got.Length)
        {
            return false;
        }

        for (var i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(got[i] - expected[i]) <= atol + rtol * Math.Abs(expected[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static double[] Transpose(double[] v, int[] shape)
    {
        var t = new double[v.Length];
        for (var r = 0; r < shape[0]; r++)
        {
            for (var c = 0; c < shape[1]; c++)
            {
                t[c * shape[0] + r] = v[r * shape[1] + c];
            }
        }

        return t;
    }

    private static double[] ColumnSums(double[] v, int[] shape)
    {
        var sums = new double[shape[1]];
        for (var i = 0; i < v.Length; i++)
        {
            sums[i % shape[1]] += v[i];
        }

        return sums;
    }

    private static double[] Broadcast(double[] v, int[] shape, double[] row, double sign)
    {
        var result = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            result[i] = v[i] + sign * row[i % shape[1]];
        }

        return result;
    }

    private static string Number(double c) =>
        Math.Abs(c - Math.Round(c)) < 1e-6 ? Math.Round(c).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Math.Abs(1 / c - Math.Round(1 / c)) < 1e-6 ? $"1/{Math.Round(1 / c).ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : c.ToString("g4", System.Globalization.CultureInfo.InvariantCulture);

    private static string Shape(int[] shape) => TensorCompare.Shape(shape);
}
