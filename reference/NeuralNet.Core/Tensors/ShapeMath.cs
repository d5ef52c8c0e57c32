namespace NeuralNet;

/// <summary>Shape arithmetic shared by the tensor operations.</summary>
internal static class ShapeMath
{
    public static int Product(ReadOnlySpan<int> shape)
    {
        long product = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"Shape {Format(shape)}: sizes must be non-negative, found {d}.");
            }

            product *= d;
            if (product > Array.MaxLength)
            {
                throw new ArgumentException($"Shape {Format(shape)}: too many elements for one tensor.");
            }
        }

        return (int)product;
    }

    public static int[] RowMajorStrides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        var stride = 1;
        for (var axis = shape.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= Math.Max(shape[axis], 1);
        }

        return strides;
    }

    public static bool IsRowMajor(ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
    {
        var expected = 1;
        for (var axis = shape.Length - 1; axis >= 0; axis--)
        {
            if (shape[axis] != 1 && strides[axis] != expected)
            {
                return false;
            }

            expected *= shape[axis];
        }

        return true;
    }

    /// <summary>numpy's broadcasting rule: align from the right; sizes must match or be 1.</summary>
    public static int[] Broadcast(ReadOnlySpan<int> a, ReadOnlySpan<int> b, string operation)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            var db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ArgumentException($"{operation}: shapes {Format(a)} and {Format(b)} cannot be broadcast together (axis {i}: {da} vs {db}).");
            }

            result[i] = da == 1 ? db : da;
        }

        return result;
    }

    public static string Format(ReadOnlySpan<int> shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape.ToArray()) + ")";
}
