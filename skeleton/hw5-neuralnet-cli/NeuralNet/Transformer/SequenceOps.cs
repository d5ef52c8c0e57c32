namespace NeuralNet.Transformer;

/// <summary>Shape helpers for (B, T, C) sequences that the Tensor type does not provide directly.</summary>
internal static class SequenceOps
{
    /// <summary>Softmax over the last axis (numerically stable: the row maximum is subtracted first).</summary>
    /// <param name="scores">any shape (..., K); rows may hold -infinity (masked) but not only -infinity</param>
    /// <returns>same shape, each last-axis row sums to 1</returns>
    public static Tensor SoftmaxLastAxis(Tensor scores)
    {
        var result = scores.Clone();
        var k = scores.Dim(-1);
        var data = result.AsSpan();
        for (var start = 0; start < data.Length; start += k)
        {
            var row = data.Slice(start, k);
            var max = double.NegativeInfinity;
            foreach (var v in row)
            {
                max = Math.Max(max, v);
            }

            var sum = 0.0;
            for (var i = 0; i < k; i++)
            {
                row[i] = Math.Exp(row[i] - max);
                sum += row[i];
            }

            for (var i = 0; i < k; i++)
            {
                row[i] /= sum;
            }
        }

        return result;
    }

    /// <summary>Concatenates tensors of shape (..., C_i) along the last axis into (..., sum C_i).</summary>
    public static Tensor ConcatLastAxis(IReadOnlyList<Tensor> parts)
    {
        var first = parts[0];
        var shape = first.Shape;
        var rows = first.Size / shape[^1];
        var total = 0;
        foreach (var part in parts)
        {
            if (part.Rank != first.Rank || part.Size / part.Dim(-1) != rows)
            {
                throw new ArgumentException($"ConcatLastAxis: shapes {Format(first)} and {Format(part)} differ outside the last axis.");
            }

            total += part.Dim(-1);
        }

        shape[^1] = total;
        var result = Tensor.Zeros(shape);
        var target = result.AsSpan();
        var column = 0;
        foreach (var part in parts)
        {
            var width = part.Dim(-1);
            var source = part.Contiguous().AsSpan();
            for (var r = 0; r < rows; r++)
            {
                source.Slice(r * width, width).CopyTo(target.Slice(r * total + column, width));
            }

            column += width;
        }

        return result;
    }

    /// <summary>Columns start .. start+width-1 of the last axis, as a new contiguous tensor (..., width).</summary>
    public static Tensor SliceLastAxis(Tensor x, int start, int width)
    {
        var shape = x.Shape;
        var total = shape[^1];
        if (start < 0 || width < 0 || start + width > total)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"SliceLastAxis: columns {start}..{start + width - 1} are out of range for last axis of size {total}.");
        }

        var rows = x.Size / total;
        shape[^1] = width;
        var result = Tensor.Zeros(shape);
        var source = x.Contiguous().AsSpan();
        var target = result.AsSpan();
        for (var r = 0; r < rows; r++)
        {
            source.Slice(r * total + start, width).CopyTo(target.Slice(r * width, width));
        }

        return result;
    }

    /// <summary>Throws unless <paramref name="x"/> is (B, T, C) with C == <paramref name="channels"/>.</summary>
    public static void RequireSequence(Tensor x, int channels, string module)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 3 || x.Dim(2) != channels)
        {
            throw new ArgumentException($"{module}: expected input of shape (B, T, {channels}), found {Format(x)}.");
        }
    }

    public static string Format(Tensor t) => $"({string.Join(", ", t.Shape)})";
}
