namespace NeuralNet;

public sealed partial class Tensor
{
    /// <summary>
    /// The same elements with a new shape; one size may be -1 and is inferred. A view when the tensor is
    /// contiguous, a copy otherwise.
    /// </summary>
    public Tensor Reshape(params int[] shape)
    {
        var target = (int[])shape.Clone();
        var inferred = -1;
        var known = 1;
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] == -1)
            {
                if (inferred >= 0)
                {
                    throw new ArgumentException($"Reshape {ShapeMath.Format(_shape)} -> {ShapeMath.Format(shape)}: only one size may be -1.");
                }

                inferred = i;
            }
            else
            {
                known *= target[i];
            }
        }

        if (inferred >= 0)
        {
            if (known == 0 || Size % known != 0)
            {
                throw new ArgumentException($"Reshape {ShapeMath.Format(_shape)} -> {ShapeMath.Format(shape)}: {Size} elements do not divide into the known sizes ({known}).");
            }

            target[inferred] = Size / known;
        }

        if (ShapeMath.Product(target) != Size)
        {
            throw new ArgumentException($"Reshape {ShapeMath.Format(_shape)} -> {ShapeMath.Format(shape)}: {Size} elements cannot have {ShapeMath.Product(target)}.");
        }

        if (IsContiguous && Pending is DeferredIm2Col patches)
        {
            // Patches nobody has read stay deferred (a convolution reshapes them to (N, outH*outW, C*k*k) before its products).
            return new Tensor(patches, target, ShapeMath.RowMajorStrides(target));
        }

        var source = Contiguous();
        return new Tensor(source.Storage, source._offset, target, ShapeMath.RowMajorStrides(target), source._lease);
    }

    /// <summary>The transpose of a 2-D tensor, as a view (no copy), like numpy's <c>X.T</c>.</summary>
    public Tensor T
    {
        get
        {
            if (Rank != 2)
            {
                throw new InvalidOperationException($"T: expected a 2-D tensor, found shape {ShapeMath.Format(_shape)}; use Transpose(axes) for other ranks.");
            }

            return Transpose(1, 0);
        }
    }

    /// <summary>Permutes the axes as a view, e.g. (N, H, W, C) -> (N, C, H, W) with <c>Transpose(0, 3, 1, 2)</c>.</summary>
    public Tensor Transpose(params int[] axes)
    {
        if (axes.Length != Rank)
        {
            throw new ArgumentException($"Transpose: expected {Rank} axes for shape {ShapeMath.Format(_shape)}, found {axes.Length}.");
        }

        var seen = new bool[Rank];
        var shape = new int[Rank];
        var strides = new int[Rank];
        for (var i = 0; i < Rank; i++)
        {
            var axis = NormalizeAxis(axes[i], "Transpose");
            if (seen[axis])
            {
                throw new ArgumentException($"Transpose: axis {axis} appears twice in [{string.Join(", ", axes)}].");
            }

            seen[axis] = true;
            shape[i] = _shape[axis];
            strides[i] = _strides[axis];
        }

        return Pending is DeferredIm2Col patches ? new Tensor(patches, shape, strides) : new Tensor(Storage, _offset, shape, strides, _lease);
    }

    /// <summary>Rows <paramref name="start"/> .. start+length-1 along axis 0, as a view.</summary>
    public Tensor Slice(int start, int length)
    {
        if (Rank == 0)
        {
            throw new InvalidOperationException("Slice: a 0-dimensional tensor has no rows.");
        }

        if (start < 0 || length < 0 || start + length > _shape[0])
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Slice: rows {start}..{start + length - 1} are out of range for axis 0 of size {_shape[0]}.");
        }

        var shape = (int[])_shape.Clone();
        shape[0] = length;
        return new Tensor(Storage, _offset + start * _strides[0], shape, (int[])_strides.Clone(), _lease);
    }

    /// <summary>
    /// The rows with the given indices along axis 0, as a new tensor (a mini-batch:
    /// <c>X.Rows(batchIndices)</c> is numpy's <c>X[batch_indices]</c>).
    /// </summary>
    public Tensor Rows(ReadOnlySpan<int> indices)
    {
        if (Rank == 0)
        {
            throw new InvalidOperationException("Rows: a 0-dimensional tensor has no rows.");
        }

        var shape = (int[])_shape.Clone();
        shape[0] = indices.Length;
        var rowSize = _shape[0] == 0 ? 0 : Size / _shape[0];
        var result = new double[indices.Length * rowSize];
        var source = Contiguous();
        for (var i = 0; i < indices.Length; i++)
        {
            var row = indices[i];
            if ((uint)row >= (uint)_shape[0])
            {
                throw new IndexOutOfRangeException($"Rows: index {row} (position {i}) is out of range for axis 0 of size {_shape[0]}.");
            }

            source.Storage.AsSpan(source._offset + row * rowSize, rowSize).CopyTo(result.AsSpan(i * rowSize, rowSize));
        }

        return Wrap(result, shape);
    }

    /// <summary>Rows selected by index, same as <see cref="Rows(ReadOnlySpan{int})"/>.</summary>
    public Tensor Rows(int[] indices) => Rows(indices.AsSpan());
}
