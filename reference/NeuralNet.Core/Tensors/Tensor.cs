using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

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
    private readonly DeferredValue? _deferred;
    private readonly int _offset;
    private double[]? _storage;
    private readonly int[] _shape;
    private readonly int[] _strides;

    // The lease of a recycled array (StepArrays), held by the tensor over it and by every view of it; null otherwise.
    private readonly object? _lease;

    private Tensor(double[] data, int offset, int[] shape, int[] strides, object? lease = null)
    {
        _storage = data;
        _lease = lease;
        _offset = offset;
        _shape = shape;
        _strides = strides;
        Size = ShapeMath.Product(shape);
        IsContiguous = ShapeMath.IsRowMajor(shape, strides);
    }

    /// <summary>A row-major (M, N) matrix product whose values are computed on first use (see <see cref="DeferredProduct"/>).</summary>
    private Tensor(DeferredProduct product)
        : this(product, [product.Rows, product.Cols], ShapeMath.RowMajorStrides([product.Rows, product.Cols]))
    {
    }

    /// <summary>A view (offset 0) of values computed on first use: a deferred product, or patches (<see cref="DeferredIm2Col"/>) and their reshapes and transposes.</summary>
    private Tensor(DeferredValue deferred, int[] shape, int[] strides)
    {
        _deferred = deferred;
        _shape = shape;
        _strides = strides;
        Size = ShapeMath.Product(shape);
        IsContiguous = ShapeMath.IsRowMajor(shape, strides);
    }

    /// <summary>The storage array; deferred values (a product, patches) are computed here the first time anything reads or writes them.</summary>
    private double[] Storage => _storage ?? Materialize();

    /// <summary>True while this tensor is deferred and nothing has read it (or, for a view of deferred patches, any view of them).</summary>
    internal bool IsDeferred => _storage is null && !_deferred!.IsComputed;

    /// <summary>The deferred values this tensor views, while nothing has read them; else null.</summary>
    internal DeferredValue? Pending => _storage is null && !_deferred!.IsComputed ? _deferred : null;

    // Every view of the same deferred values gets the same array, so a write through one is seen by the others.
    private double[] Materialize() => _storage = _deferred!.Value;

    /// <summary>A row-major tensor of values computed on first use.</summary>
    internal static Tensor Deferred(DeferredValue deferred, int[] shape) => new(deferred, shape, ShapeMath.RowMajorStrides(shape));

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

    /// <summary>
    /// A new row-major tensor to write a result into: its array is recycled from earlier training steps when a
    /// <see cref="StepArrays"/> pool is active on this thread and the array is large, otherwise new.
    /// </summary>
    /// <param name="shape">the shape (not copied: pass a fresh array)</param>
    /// <param name="zeroed">true for zeros; false when the caller writes every element</param>
    internal static Tensor Allocate(int[] shape, bool zeroed)
    {
        var length = ShapeMath.Product(shape);
        if (length >= StepArrays.MinLength && StepArrays.Current?.Take(length, zeroed) is var (array, lease))
        {
            return new Tensor(array, 0, shape, ShapeMath.RowMajorStrides(shape), lease);
        }

        return Wrap(zeroed ? new double[length] : GC.AllocateUninitializedArray<double>(length), shape);
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

    internal double[] Buffer => Storage;

    internal int Offset => _offset;

    /// <summary>The elements of a contiguous tensor as a span over its storage (writes go to the tensor).</summary>
    public Span<double> AsSpan()
    {
        if (!IsContiguous)
        {
            throw new InvalidOperationException($"AsSpan: tensor of shape {ShapeMath.Format(_shape)} is a non-contiguous view; call Contiguous() first.");
        }

        return Storage.AsSpan(_offset, Size);
    }

    internal ReadOnlySpan<double> ReadSpan() => AsSpan();

    /// <summary>This tensor if contiguous, otherwise a row-major copy.</summary>
    public Tensor Contiguous() => IsContiguous ? this : Clone();

    /// <summary>A contiguous deep copy.</summary>
    public Tensor Clone()
    {
        // CopyTo writes every element: skip the zeroing (for an 8 MB strided copy, zeroing first made it 4x slower).
        var copy = Allocate((int[])_shape.Clone(), zeroed: false);
        CopyTo(copy._storage);
        return copy;
    }

    /// <summary>The elements in row-major order, as a new array.</summary>
    public double[] ToArray()
    {
        var copy = GC.AllocateUninitializedArray<double>(Size);
        CopyTo(copy);
        return copy;
    }

    /// <summary>Copies the elements in row-major order into <paramref name="destination"/>.</summary>
    internal void CopyTo(Span<double> destination)
    {
        if (IsContiguous)
        {
            Storage.AsSpan(_offset, Size).CopyTo(destination);
            return;
        }

        if (Size == 0)
        {
            return;
        }

        // One run along the last axis at a time (a span copy when it is contiguous), with an odometer over
        // the other axes: the (N, H, W, C) <-> (N, C, H, W) views of a conv layer copy 5-10x faster than
        // element by element through StridedOffsets.
        var rank = _shape.Length;
        var run = _shape[rank - 1];
        var step = _strides[rank - 1];
        if (step != 1 && run > 1 && CopyTransposedTo(destination))
        {
            return;
        }

        Span<int> counter = stackalloc int[rank];
        var position = _offset;
        var data = Storage;
        for (var start = 0; start < Size; start += run)
        {
            var target = destination.Slice(start, run);
            if (step == 1)
            {
                data.AsSpan(position, run).CopyTo(target);
            }
            else
            {
                var source = position;
                for (var j = 0; j < target.Length; j++, source += step)
                {
                    target[j] = data[source];
                }
            }

            for (var axis = rank - 2; axis >= 0; axis--)
            {
                position += _strides[axis];
                if (++counter[axis] < _shape[axis])
                {
                    break;
                }

                position -= _strides[axis] * _shape[axis];
                counter[axis] = 0;
            }
        }
    }

    /// <summary>
    /// The copy of a view whose last axis is strided but another axis is contiguous in storage, e.g. the
    /// (N, F, H, W) view of a conv layer's (N, H, W, F) output: read 8 consecutive storage elements (one
    /// cache line) along the contiguous axis and write them to 8 destination rows, instead of gathering one
    /// element per cache line along the last axis (4.5 ms against about 1 ms for the 1M elements of a
    /// (32, 64, 22, 22) activation).
    /// </summary>
    /// <returns>false when no axis but the last has stride 1 (the caller copies run by run)</returns>
    private bool CopyTransposedTo(Span<double> destination)
    {
        const int Block = 8;
        var rank = _shape.Length;
        var last = rank - 1;
        var q = -1;
        for (var axis = last - 1; axis >= 0; axis--)
        {
            if (_strides[axis] == 1 && _shape[axis] > 1)
            {
                q = axis;
                break;
            }
        }

        if (q < 0)
        {
            return false;
        }

        var rowMajor = ShapeMath.RowMajorStrides(_shape);
        var (lengthQ, lengthLast, stepLast, outStrideQ) = (_shape[q], _shape[last], _strides[last], rowMajor[q]);
        var data = Storage;
        var outer = Size / (lengthQ * lengthLast);
        Span<int> counter = stackalloc int[rank];
        var (source, target) = (_offset, 0);
        for (var block = 0; block < outer; block++)
        {
            for (var q0 = 0; q0 < lengthQ; q0 += Block)
            {
                var count = Math.Min(Block, lengthQ - q0);
                // Bounds checked once per block: storage elements source + j * stepLast + q0 + t and destination
                // elements target + (q0 + t) * outStrideQ + j, for t < count and j < lengthLast.
                var from = data.AsSpan(source + q0, ((lengthLast - 1) * stepLast) + count);
                var to = destination.Slice(target + (q0 * outStrideQ), ((count - 1) * outStrideQ) + lengthLast);
                ref var read = ref MemoryMarshal.GetReference(from);
                ref var write = ref MemoryMarshal.GetReference(to);
                var j = 0;
                if (count == Block && Avx512F.IsSupported)
                {
                    for (; j + Block <= lengthLast; j += Block)
                    {
                        Transpose8x8(ref Unsafe.Add(ref read, j * stepLast), stepLast, ref Unsafe.Add(ref write, j), outStrideQ);
                    }
                }

                for (; j < lengthLast; j++)
                {
                    ref var row = ref Unsafe.Add(ref read, j * stepLast);
                    ref var column = ref Unsafe.Add(ref write, j);
                    for (var t = 0; t < count; t++)
                    {
                        Unsafe.Add(ref column, t * outStrideQ) = Unsafe.Add(ref row, t);
                    }
                }
            }

            // Next index of the axes other than q and the last one (odometer, last of them fastest).
            for (var axis = last - 1; axis >= 0; axis--)
            {
                if (axis == q)
                {
                    continue;
                }

                source += _strides[axis];
                target += rowMajor[axis];
                if (++counter[axis] < _shape[axis])
                {
                    break;
                }

                source -= _strides[axis] * _shape[axis];
                target -= rowMajor[axis] * _shape[axis];
                counter[axis] = 0;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes the transpose of an 8 x 8 block: row t of the output (8 elements from <paramref name="target"/>
    /// + t * targetStride) is column t of the input (8 elements from <paramref name="source"/> + j * sourceStride).
    /// Eight vector loads, three rounds of shuffles, eight vector stores, instead of 64 scattered stores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(ref double source, int sourceStride, ref double target, int targetStride)
    {
        var r0 = Vector512.LoadUnsafe(ref source);
        var r1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, sourceStride));
        var r2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 2 * sourceStride));
        var r3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 3 * sourceStride));
        var r4 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 4 * sourceStride));
        var r5 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 5 * sourceStride));
        var r6 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 6 * sourceStride));
        var r7 = Vector512.LoadUnsafe(ref Unsafe.Add(ref source, 7 * sourceStride));

        // Pairs of rows interleaved: t0 = (r0[0], r1[0], r0[2], r1[2], ...), t1 = (r0[1], r1[1], r0[3], r1[3], ...).
        var t0 = Avx512F.UnpackLow(r0, r1);
        var t1 = Avx512F.UnpackHigh(r0, r1);
        var t2 = Avx512F.UnpackLow(r2, r3);
        var t3 = Avx512F.UnpackHigh(r2, r3);
        var t4 = Avx512F.UnpackLow(r4, r5);
        var t5 = Avx512F.UnpackHigh(r4, r5);
        var t6 = Avx512F.UnpackLow(r6, r7);
        var t7 = Avx512F.UnpackHigh(r6, r7);

        // 128-bit lanes 0 and 2 (0x88) or 1 and 3 (0xDD) of each operand: u0 = (r0[0], r1[0], r0[4], r1[4], r2[0], r3[0], r2[4], r3[4]).
        var u0 = Avx512F.Shuffle4x128(t0, t2, 0x88);
        var u1 = Avx512F.Shuffle4x128(t0, t2, 0xDD);
        var u2 = Avx512F.Shuffle4x128(t1, t3, 0x88);
        var u3 = Avx512F.Shuffle4x128(t1, t3, 0xDD);
        var u4 = Avx512F.Shuffle4x128(t4, t6, 0x88);
        var u5 = Avx512F.Shuffle4x128(t4, t6, 0xDD);
        var u6 = Avx512F.Shuffle4x128(t5, t7, 0x88);
        var u7 = Avx512F.Shuffle4x128(t5, t7, 0xDD);

        Avx512F.Shuffle4x128(u0, u4, 0x88).StoreUnsafe(ref target); // column 0
        Avx512F.Shuffle4x128(u2, u6, 0x88).StoreUnsafe(ref Unsafe.Add(ref target, targetStride)); // column 1
        Avx512F.Shuffle4x128(u1, u5, 0x88).StoreUnsafe(ref Unsafe.Add(ref target, 2 * targetStride)); // column 2
        Avx512F.Shuffle4x128(u3, u7, 0x88).StoreUnsafe(ref Unsafe.Add(ref target, 3 * targetStride)); // column 3
        Avx512F.Shuffle4x128(u0, u4, 0xDD).StoreUnsafe(ref Unsafe.Add(ref target, 4 * targetStride)); // column 4
        Avx512F.Shuffle4x128(u2, u6, 0xDD).StoreUnsafe(ref Unsafe.Add(ref target, 5 * targetStride)); // column 5
        Avx512F.Shuffle4x128(u1, u5, 0xDD).StoreUnsafe(ref Unsafe.Add(ref target, 6 * targetStride)); // column 6
        Avx512F.Shuffle4x128(u3, u7, 0xDD).StoreUnsafe(ref Unsafe.Add(ref target, 7 * targetStride)); // column 7
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
        get => Storage[ElementOffset(index)];
        set => Storage[ElementOffset(index)] = value;
    }

    /// <summary>
    /// Reads or writes one element of a vector: the same as <c>this[params int[]]</c> without allocating an index
    /// array, so element-by-element loops (a plain-loop matrix product) run at the speed students expect.
    /// </summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public double this[int i]
    {
        get => Storage[ElementOffset(i)];
        set => Storage[ElementOffset(i)] = value;
    }

    /// <summary>Reads or writes element [i, j] of a matrix (negative indices count from the end), without allocating.</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public double this[int i, int j]
    {
        get => Storage[ElementOffset(i, j)];
        set => Storage[ElementOffset(i, j)] = value;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public double Item()
    {
        if (Size != 1)
        {
            throw new InvalidOperationException($"Item: expected a tensor with one element, found shape {ShapeMath.Format(_shape)}.");
        }

        return Storage[_offset];
    }

    private int ElementOffset(int i)
    {
        if (Rank != 1)
        {
            return ElementOffset([i]);
        }

        var k = i < 0 ? i + _shape[0] : i;
        return (uint)k < (uint)_shape[0] ? _offset + (k * _strides[0]) : ElementOffset([i]);
    }

    private int ElementOffset(int i, int j)
    {
        if (Rank != 2)
        {
            return ElementOffset([i, j]);
        }

        var (r, c) = (i < 0 ? i + _shape[0] : i, j < 0 ? j + _shape[1] : j);
        return (uint)r < (uint)_shape[0] && (uint)c < (uint)_shape[1] ? _offset + (r * _strides[0]) + (c * _strides[1]) : ElementOffset([i, j]);
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
