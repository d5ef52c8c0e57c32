using System.Buffers;

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
            var product = Allocate([_shape[0], other._shape[1]], zeroed: false);
            MatMulKernel.Multiply(this, other, product._storage!, 0);
            return product;
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
        var product = Allocate([batch, m, n], zeroed: false);
        var result = product._storage!;
        var itemFlops = 2.0 * m * k * n;
        var workers = (int)Math.Clamp(batch * itemFlops / MatMulKernel.FlopsPerWorker, 1, Math.Min(batch, Environment.ProcessorCount));
        var (patchesA, patchesB) = (PatchesPerItem(this), PatchesPerItem(other));
        if (workers > 1 && itemFlops < MatMulKernel.FlopsPerWorker)
        {
            // Many small products (a convolution's per-image products): split the batch, one thread per share.
            // Each item is still computed by one thread in the same order, so results do not depend on the split.
            Parallel.For(0, workers, w =>
            {
                using var items = new BatchItems(this, patchesA, other, patchesB);
                for (var b = batch * w / workers; b < batch * (w + 1) / workers; b++)
                {
                    MatMulKernel.MultiplyOn(items.Left(b), items.Right(b), result, b * m * n, MatMulKernel.BestIsa, 1);
                }
            });
        }
        else
        {
            using var items = new BatchItems(this, patchesA, other, patchesB);
            for (var b = 0; b < batch; b++)
            {
                MatMulKernel.Multiply(items.Left(b), items.Right(b), result, b * m * n);
            }
        }

        return product;
    }

    // Item b of a batch; a 2-D operand is the same matrix for every item.
    private static Tensor BatchItem(Tensor t, int b) => t.Rank == 2 ? t :
        new(t.Storage, t._offset + b * t._strides[0], [t._shape[1], t._shape[2]], [t._strides[1], t._strides[2]], t._lease);

    /// <summary>
    /// The deferred patches <paramref name="t"/> views when item b of it is image b's block of patch rows, as
    /// (N, outH*outW, C*k*k) or its transpose (N, C*k*k, outH*outW); otherwise null.
    /// </summary>
    private static DeferredIm2Col? PatchesPerItem(Tensor t)
    {
        if (t.Rank != 3 || t.Pending is not DeferredIm2Col patches)
        {
            return null;
        }

        var (p, q) = (patches.Geometry.Positions, patches.Geometry.Patch);
        var rows = t._shape[1] == p && t._shape[2] == q && t._strides[1] == q && t._strides[2] == 1;
        var transposed = t._shape[1] == q && t._shape[2] == p && t._strides[1] == 1 && t._strides[2] == q;
        return t._shape[0] == patches.Images && t._strides[0] == p * q && (rows || transposed) ? patches : null;
    }

    /// <summary>
    /// The items of a batched product's operands for one thread. An operand viewing deferred patches gets each
    /// image's block written into a scratch array just before its product, with the strides the item would have in
    /// the stored patches (the same kernel path, the same bits); the block stays in the cache for the product.
    /// </summary>
    private sealed class BatchItems : IDisposable
    {
        private readonly Tensor _a;
        private readonly Tensor _b;
        private readonly DeferredIm2Col? _patchesA;
        private readonly DeferredIm2Col? _patchesB;
        private readonly double[]? _scratchA;
        private readonly double[]? _scratchB;

        // Whether B's items are written as patch columns (row-major, Patch x Positions) rather than as patch rows read
        // transposed: the same product with B row-major, which the kernel packs faster (HW3's per-image forward
        // product (64 x 49)(49 x 484): 47-48 -> 34-36 µs on one thread, `Benchmarks matmul`, 2026-12-07). Only where
        // every layout of B takes the same kernel path, so the bits stay those of the stored patches.
        private readonly bool _columnsB;

        public BatchItems(Tensor a, DeferredIm2Col? patchesA, Tensor b, DeferredIm2Col? patchesB)
        {
            (_a, _b, _patchesA, _patchesB) = (a, b, patchesA, patchesB);
            _columnsB = patchesB is not null && b._strides[2] != 1 && MatMulKernel.AnyLayoutOfBGivesTheSameBits(a._shape[^2]);
            _scratchA = patchesA is null ? null : ArrayPool<double>.Shared.Rent(patchesA.Geometry.ImageCells);
            _scratchB = patchesB is null ? null : ArrayPool<double>.Shared.Rent(patchesB.Geometry.ImageCells);
        }

        public Tensor Left(int b) => Item(_a, _patchesA, _scratchA, b);

        public Tensor Right(int b)
        {
            if (!_columnsB)
            {
                return Item(_b, _patchesB, _scratchB, b);
            }

            var geometry = _patchesB!.Geometry;
            _patchesB.WriteImageColumns(b, _scratchB.AsSpan(0, geometry.ImageCells));
            return new Tensor(_scratchB!, 0, [geometry.Patch, geometry.Positions], [geometry.Positions, 1]);
        }

        public void Dispose()
        {
            if (_scratchA is not null)
            {
                ArrayPool<double>.Shared.Return(_scratchA);
            }

            if (_scratchB is not null)
            {
                ArrayPool<double>.Shared.Return(_scratchB);
            }
        }

        private static Tensor Item(Tensor t, DeferredIm2Col? patches, double[]? scratch, int b)
        {
            if (patches is null)
            {
                return BatchItem(t, b);
            }

            patches.WriteImage(b, scratch.AsSpan(0, patches.Geometry.ImageCells));
            return new Tensor(scratch!, 0, [t._shape[1], t._shape[2]], [t._strides[1], t._strides[2]]);
        }
    }

    private static void RequireAligned(Tensor a, Tensor b, int ka, int kb)
    {
        if (ka != kb)
        {
            throw new ArgumentException($"MatMul: {ShapeMath.Format(a._shape)} and {ShapeMath.Format(b._shape)} are not aligned ({ka} != {kb})");
        }
    }
}
