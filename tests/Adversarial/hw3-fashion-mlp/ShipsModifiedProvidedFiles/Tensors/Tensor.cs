namespace NeuralNet;

// Patched copy shipped with the submission.

/// <summary>
/// The course's n-dimensional array of doubles: row-major, numpy-like broadcasting, views for
/// reshape / transpose / slicing. Students and the reference solution use the same type.
/// </summary>
/// <remarks>
/// Storage is a flat <c>double[]</c> with an offset and per-axis strides, so <see cref="T"/>,
/// <see cref="Transpose"/> and <see cref="Slice"/> are views sharing memory. Operations that produce a new
/// tensor always return a fresh, contiguous one.
/// </remarks>
public sealed partial class Tensor
{
    private readonly double[] _data;
    private readonly int _offset;
    private readonly int[] _shape;
    private readonly int[] _strides;

    private Tensor(double[] data, int offset, int[] shape, int[] strides)
    {
        _data = data;
        _offset = offset;
        _shape = shape;
        _strides = strides;
        Size = ShapeMath.Product(shape);
        IsContiguous = ShapeMath.IsRowMajor(shape, strides);
    }

    /// <summary>Wraps a row-major buffer without copying (the library's own fast path).</summary>
    internal static Tensor Wrap(double[] data, int[] shape)
    {
        var size = ShapeMath.Product(shape);
        if (size != data.Length)
        {
            throw new ArgumentException($"Tensor: {data.Length} values cannot have shape {ShapeMath.Format(shape)} ({size} values).");
        }

        return new Tensor(data, 0, shape, ShapeMath.RowMajorStrides(shape));
    }

    /// <summary>The size of each axis (a copy, safe to modify).</summary>
    public int[] Shape => (int[])_shape.Clone();

    /// <summary>Number of axes.</summary>
    public int Rank => _shape.Length;

    /// <summary>Total number of elements.</summary>
    public int Size { get; }

    /// <summary>True when the elements lie in row-major order without gaps (no copy needed for spans).</summary>
    public bool IsContiguous { get; }

    /// <summary>Size of one axis; negative axes count from the end (-1 is the last).</summary>
    public int Dim(int axis) => _shape[NormalizeAxis(axis, "Dim")];

    internal ReadOnlySpan<int> ShapeSpan => _shape;

    internal ReadOnlySpan<int> StridesSpan => _strides;

    internal double[] Buffer => _data;

    internal int Offset => _offset;

    /// <summary>The elements of a contiguous tensor as a span over its storage (writes go to the tensor).</summary>
    public Span<double> AsSpan()
    {
        if (!IsContiguous)
        {
            throw new InvalidOperationException($"AsSpan: tensor of shape {ShapeMath.Format(_shape)} is a non-contiguous view; call Contiguous() first.");
        }

        return _data.AsSpan(_offset, Size);
    }

    internal ReadOnlySpan<double> ReadSpan() => AsSpan();

    /// <summary>This tensor if contiguous, otherwise a row-major copy.</summary>
    public Tensor Contiguous() => IsContiguous ? this : Clone();

    /// <summary>A contiguous deep copy.</summary>
    public Tensor Clone()
    {
        var copy = new double[Size];
        CopyTo(copy);
        return Wrap(copy, (int[])_shape.Clone());
    }

    /// <summary>The elements in row-major order, as a new array.</summary>
    public double[] ToArray()
    {
        var copy = new double[Size];
        CopyTo(copy);
        return copy;
    }

    /// <summary>Copies the elements in row-major order into <paramref name="destination"/>.</summary>
    internal void CopyTo(Span<double> destination)
    {
        if (IsContiguous)
        {
            _data.AsSpan(_offset, Size).CopyTo(destination);
            return;
        }

        var i = 0;
        foreach (var index in StridedOffsets())
        {
            destination[i++] = _data[index];
        }
    }

    /// <summary>Storage offsets of every element, in row-major order.</summary>
    internal IEnumerable<int> StridedOffsets()
    {
        if (Size == 0)
        {
            yield break;
        }

        var rank = _shape.Length;
        var counter = new int[rank];
        var position = _offset;
        for (var n = 0; n < Size; n++)
        {
            yield return position;
            for (var axis = rank - 1; axis >= 0; axis--)
            {
                counter[axis]++;
                position += _strides[axis];
                if (counter[axis] < _shape[axis])
                {
                    break;
                }

                position -= _strides[axis] * _shape[axis];
                counter[axis] = 0;
            }
        }
    }

    /// <summary>Reads or writes one element; every axis must be indexed (negative indices count from the end).</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public double this[params int[] index]
    {
        get => _data[ElementOffset(index)];
        set => _data[ElementOffset(index)] = value;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public double Item()
    {
        if (Size != 1)
        {
            throw new InvalidOperationException($"Item: expected a tensor with one element, found shape {ShapeMath.Format(_shape)}.");
        }

        return _data[_offset];
    }

    private int ElementOffset(int[] index)
    {
        if (index.Length != Rank)
        {
            throw new IndexOutOfRangeException($"Index [{string.Join(", ", index)}]: expected {Rank} indices for shape {ShapeMath.Format(_shape)}, found {index.Length}.");
        }

        var position = _offset;
        for (var axis = 0; axis < index.Length; axis++)
        {
            var i = index[axis] < 0 ? index[axis] + _shape[axis] : index[axis];
            if ((uint)i >= (uint)_shape[axis])
            {
                throw new IndexOutOfRangeException($"Index [{string.Join(", ", index)}]: index {index[axis]} is out of range for axis {axis} of size {_shape[axis]} (shape {ShapeMath.Format(_shape)}).");
            }

            position += i * _strides[axis];
        }

        return position;
    }

    internal int NormalizeAxis(int axis, string operation)
    {
        var normalized = axis < 0 ? axis + Rank : axis;
        if ((uint)normalized >= (uint)Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), $"{operation}: axis {axis} is out of range for shape {ShapeMath.Format(_shape)}.");
        }

        return normalized;
    }
}
