using System.Globalization;
using System.Text;

namespace NeuralNet;

public sealed partial class Tensor
{
    private const int EdgeItems = 3;
    private const int SummaryThreshold = 1000;

    /// <summary>
    /// True when every element satisfies |a - b| &lt;= atol + rtol * |b| (numpy's <c>allclose</c>; NaN never matches),
    /// with broadcasting of <paramref name="other"/>.
    /// </summary>
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(other);
        var diff = (this - other).Abs();
        var bound = other.Abs() * rtol + atol;
        var d = diff.ReadSpan();
        var limit = (bound.Size == d.Length ? bound : bound + diff.ZerosLike()).ReadSpan();
        for (var i = 0; i < d.Length; i++)
        {
            if (!(d[i] <= limit[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A numpy-like rendering, e.g. <c>tensor([[1, 2], [3, 4]], shape=(2, 2))</c>; large tensors are summarised with "...".</summary>
    public override string ToString()
    {
        var values = ToArray();
        var summarize = Size > SummaryThreshold;
        var width = 0;
        foreach (var v in values)
        {
            width = Math.Max(width, FormatNumber(v).Length);
        }

        var builder = new StringBuilder("tensor(");
        if (Rank == 0)
        {
            builder.Append(FormatNumber(values[0]));
        }
        else
        {
            AppendAxis(builder, values, 0, 0, summarize, width, "tensor(".Length);
        }

        return builder.Append(", shape=").Append(ShapeMath.Format(_shape)).Append(')').ToString();
    }

    private void AppendAxis(StringBuilder builder, double[] values, int axis, int start, bool summarize, int width, int indent)
    {
        var strides = ShapeMath.RowMajorStrides(_shape);
        builder.Append('[');
        var length = _shape[axis];
        for (var i = 0; i < length; i++)
        {
            if (summarize && length > 2 * EdgeItems && i == EdgeItems)
            {
                builder.Append(axis == Rank - 1 ? "..., " : "...,\n" + new string(' ', indent + axis + 1));
                i = length - EdgeItems - 1;
                continue;
            }

            if (axis == Rank - 1)
            {
                builder.Append(FormatNumber(values[start + i]).PadLeft(width));
            }
            else
            {
                AppendAxis(builder, values, axis + 1, start + i * strides[axis], summarize, width, indent);
            }

            if (i < length - 1)
            {
                builder.Append(axis == Rank - 1 ? ", " : "," + new string('\n', Rank - axis - 1) + new string(' ', indent + axis + 1));
            }
        }

        builder.Append(']');
    }

    private static string FormatNumber(double v)
    {
        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            return double.IsNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        }

        if (v == Math.Floor(v) && Math.Abs(v) < 1e16)
        {
            return v.ToString("0", CultureInfo.InvariantCulture) + ".";
        }

        var magnitude = Math.Abs(v);
        return magnitude >= 1e-4 && magnitude < 1e8
            ? v.ToString("0.0###", CultureInfo.InvariantCulture)
            : v.ToString("0.####e+00", CultureInfo.InvariantCulture);
    }
}
