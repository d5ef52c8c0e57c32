namespace NeuralNet;

public sealed partial class Tensor
{
    /// <summary>
    /// Matrix product, like numpy's <c>A @ B</c>: (M, K) x (K, N) -> (M, N); batched (B, M, K) x (B, K, N) -> (B, M, N),
    /// (B, M, K) x (K, N) -> (B, M, N) and (M, K) x (B, K, N) -> (B, M, N). Transposed views (<c>X.T</c>,
    /// <c>Transpose(0, 2, 1)</c>) are read in place without copying.
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

        if ((Rank == 3 && other.Rank is 2 or 3) || (Rank == 2 && other.Rank == 3))
        {
            return BatchedMatMul(other);
        }

        throw new ArgumentException($"MatMul: expected 2-D x 2-D, 3-D x 3-D, 3-D x 2-D or 2-D x 3-D tensors, found shapes {ShapeMath.Format(_shape)} and {ShapeMath.Format(other._shape)}.");
    }

    private Tensor BatchedMatMul(Tensor other)
    {
        var batch = Rank == 3 ? _shape[0] : other._shape[0];
        var (m, k) = (_shape[^2], _shape[^1]);
        var (otherK, n) = (other._shape[^2], other._shape[^1]);
        if (Rank == 3 && other.Rank == 3 && other._shape[0] != batch)
        {
            throw new ArgumentException($"MatMul: batch sizes differ in {ShapeMath.Format(_shape)} and {ShapeMath.Format(other._shape)} ({batch} != {other._shape[0]}).");
        }

        RequireAligned(this, other, k, otherK);
        var result = GC.AllocateUninitializedArray<double>(batch * m * n);
        var itemFlops = 2.0 * m * k * n;
        var workers = (int)Math.Clamp(batch * itemFlops / MatMulKernel.FlopsPerWorker, 1, Math.Min(batch, Environment.ProcessorCount));
        if (workers > 1 && itemFlops < MatMulKernel.FlopsPerWorker)
        {
            // Many small products (a convolution's per-image products): split the batch, one thread per share.
            // Each item is still computed by one thread in the same order, so results do not depend on the split.
            Parallel.For(0, workers, w =>
            {
                for (var b = batch * w / workers; b < batch * (w + 1) / workers; b++)
                {
                    MatMulKernel.MultiplyOn(BatchItem(this, b), BatchItem(other, b), result, b * m * n, MatMulKernel.BestIsa, 1);
                }
            });
        }
        else
        {
            for (var b = 0; b < batch; b++)
            {
                MatMulKernel.Multiply(BatchItem(this, b), BatchItem(other, b), result, b * m * n);
            }
        }

        return Wrap(result, [batch, m, n]);
    }

    // Item b of a batch; a 2-D operand is the same matrix for every item.
    private static Tensor BatchItem(Tensor t, int b) => t.Rank == 2 ? t :
        new(t.Storage, t._offset + b * t._strides[0], [t._shape[1], t._shape[2]], [t._strides[1], t._strides[2]]);

    private static void RequireAligned(Tensor a, Tensor b, int ka, int kb)
    {
        if (ka != kb)
        {
            throw new ArgumentException($"MatMul: {ShapeMath.Format(a._shape)} and {ShapeMath.Format(b._shape)} are not aligned ({ka} != {kb})");
        }
    }
}
