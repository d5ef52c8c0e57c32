namespace NeuralNet;

public sealed partial class Tensor
{
    /// <summary>
    /// Matrix product, like numpy's <c>A @ B</c>: (M, K) x (K, N) -> (M, N); batched (B, M, K) x (B, K, N) -> (B, M, N);
    /// (B, M, K) x (K, N) -> (B, M, N). Transposed views (<c>X.T</c>) are read in place without copying.
    /// </summary>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank == 2 && other.Rank == 2)
        {
            RequireAligned(this, other, _shape[1], other._shape[0]);
            if (DeferredProduct.TryCreate(this, other) is { } deferred)
            {
                return new Tensor(deferred);
            }

            // The kernel writes every element, so skip the allocator's zeroing (megabytes for a weight gradient).
            var result = GC.AllocateUninitializedArray<double>(_shape[0] * other._shape[1]);
            MatMulKernel.Multiply(this, other, result, 0);
            return Wrap(result, [_shape[0], other._shape[1]]);
        }

        if (Rank == 3 && (other.Rank == 3 || other.Rank == 2))
        {
            return BatchedMatMul(other);
        }

        throw new ArgumentException($"MatMul: expected 2-D x 2-D, 3-D x 3-D or 3-D x 2-D tensors, found shapes {ShapeMath.Format(_shape)} and {ShapeMath.Format(other._shape)}.");
    }

    private Tensor BatchedMatMul(Tensor other)
    {
        var batch = _shape[0];
        var m = _shape[1];
        var k = _shape[2];
        var otherK = other.Rank == 3 ? other._shape[1] : other._shape[0];
        var n = other.Rank == 3 ? other._shape[2] : other._shape[1];
        if (other.Rank == 3 && other._shape[0] != batch)
        {
            throw new ArgumentException($"MatMul: batch sizes differ in {ShapeMath.Format(_shape)} and {ShapeMath.Format(other._shape)} ({batch} != {other._shape[0]}).");
        }

        RequireAligned(this, other, k, otherK);
        var result = GC.AllocateUninitializedArray<double>(batch * m * n);
        for (var b = 0; b < batch; b++)
        {
            var left = BatchItem(this, b);
            var right = other.Rank == 3 ? BatchItem(other, b) : other;
            MatMulKernel.Multiply(left, right, result, b * m * n);
        }

        return Wrap(result, [batch, m, n]);
    }

    private static Tensor BatchItem(Tensor t, int b) =>
        new(t.Storage, t._offset + b * t._strides[0], [t._shape[1], t._shape[2]], [t._strides[1], t._strides[2]]);

    private static void RequireAligned(Tensor a, Tensor b, int ka, int kb)
    {
        if (ka != kb)
        {
            throw new ArgumentException($"MatMul: {ShapeMath.Format(a._shape)} and {ShapeMath.Format(b._shape)} are not aligned ({ka} != {kb})");
        }
    }
}
