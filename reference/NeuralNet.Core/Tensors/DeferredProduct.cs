using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// A large matrix product of small operands, C (M, N) = A (M, K) x B (K, N) with K small, whose values are
/// computed only when something reads them. The weight gradient of a linear layer on a small batch,
/// <c>X.T.MatMul(grad)</c> (784 x 5 times 5 x 1000), is the case: its 6.3 MB result is usually only added
/// to the weights by the optimiser (<see cref="Tensor.AddInPlace"/>), which then streams the product block by
/// block into the update, so the gradient is never written to memory and read back.
/// </summary>
/// <remarks>
/// The operands are copied when the product is created (a few KB, against megabytes of result), so
/// later changes to them (the next mini-batch written into the same buffer) do not change the product.
/// The copies keep the operands' layout (row-major stays row-major, a transposed view stays a transposed
/// view), so the deferred result takes the same kernel path as an immediate one and is bit-identical to it:
/// every element is the fused chain c = fma(a[i, p], b[p, j], c) for p = 0..K-1 (see <see cref="MatMulKernel"/>).
/// </remarks>
internal sealed class DeferredProduct : DeferredValue
{
    /// <summary>
    /// Products smaller than this many elements (512 KB) are computed at once: deferring them saves little. HW3's
    /// 784 x 128 weight gradient (800 KB) is above it: stored, it was written to cache-cold memory and read back on
    /// every step (<c>Benchmarks mlp-step</c>: the first layer's backward pass 130 µs stored, 34 µs deferred).
    /// </summary>
    internal const int MinElements = 1 << 16;

    /// <summary>The operands (their copies) may hold at most this fraction of the result's elements.</summary>
    private const int OperandFraction = 8;

    /// <summary>Rows of C per block when a product is added into a tensor: one register tile (6 rows), so a
    /// block runs on the small-rows kernel and stays in L1/L2 until it is added.</summary>
    private const int BlockRows = 6;

    /// <summary>The streamed AVX-512 update keeps K coefficients per row on the stack.</summary>
    private const int MaxStreamedK = 64;

    /// <summary>
    /// Most rows of B (K, the mini-batch) whose 32-column block the streamed update holds in registers (5 x 4 vectors)
    /// while it walks every row of the target. HW3's update of W1 (784 x 128, batch 5), `Benchmarks mlp-step`'s sgd
    /// phase alternated three times with four rows sharing loads of B, 2026-12-07: 25.0-25.3 -> 15.3-15.5 µs (quiet),
    /// 33.8 -> 18.9 µs (busy); the step 75.4-77.2 -> 65.4-66.0 µs.
    /// </summary>
    private const int MaxHeldK = 5;

    /// <summary>Rows of target the streamed update handles together when K is above <see cref="MaxHeldK"/> (they share every load of B).</summary>
    private const int StreamRows = 4;

    /// <summary>Columns per register tile of the streamed update: four vectors.</summary>
    private const int StripWidth = 32;

    private readonly Tensor _a;
    private readonly Tensor _b;

    private DeferredProduct(Tensor a, Tensor b)
    {
        _a = a;
        _b = b;
        Rows = a.ShapeSpan[0];
        Cols = b.ShapeSpan[1];
    }

    /// <summary>M, rows of the result.</summary>
    public int Rows { get; }

    /// <summary>N, columns of the result.</summary>
    public int Cols { get; }

    /// <summary>The deferred product of two 2-D tensors, or null when it should be computed at once.</summary>
    /// <param name="a">left operand, shape (M, K)</param>
    /// <param name="b">right operand, shape (K, N)</param>
    public static DeferredProduct? TryCreate(Tensor a, Tensor b)
    {
        var (m, k, n) = (a.ShapeSpan[0], a.ShapeSpan[1], b.ShapeSpan[1]);
        var size = (long)m * n;
        if (size < MinElements || size > Array.MaxLength || k == 0
            || ((long)m * k + (long)k * n) * OperandFraction > size)
        {
            return null;
        }

        var (snapshotA, snapshotB) = (Snapshot(a), Snapshot(b));
        return snapshotA is null || snapshotB is null ? null : new DeferredProduct(snapshotA, snapshotB);
    }

    /// <summary>C as a new row-major array.</summary>
    protected override double[] Compute()
    {
        var result = GC.AllocateUninitializedArray<double>(Rows * Cols);
        MatMulKernel.Multiply(_a, _b, result, 0);
        return result;
    }

    /// <summary>target += alpha * C, where target is a row-major (M, N) block of storage; C is never stored whole.</summary>
    /// <param name="target">the tensor's storage from its offset on, M * N elements</param>
    /// <param name="alpha">the factor (the optimiser's -learning rate, or 1)</param>
    public void AddTo(Span<double> target, double alpha)
    {
        if (_b.StridesSpan[1] != 1 && Cols != 1)
        {
            // A transposed B takes the dot-product path for few rows, which sums in another order than the
            // whole product would: compute C at once to keep the result bit-identical.
            Add(Compute(), target, alpha);
            return;
        }

        var a = GemmOperand.Of(_a);
        if (Avx512F.IsSupported && a.Cols <= MaxStreamedK)
        {
            AddStreamed512(a, GemmOperand.Of(_b), target, alpha);
            return;
        }

        var block = ArrayPool<double>.Shared.Rent(BlockRows * Cols);
        try
        {
            for (var row = 0; row < Rows; row += BlockRows)
            {
                var rows = Math.Min(BlockRows, Rows - row);
                MatMulKernel.Multiply(_a.Slice(row, rows), _b, block, 0, MatMulKernel.BestIsa, 1);
                Add(block.AsSpan(0, rows * Cols), target.Slice(row * Cols, rows * Cols), alpha);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(block);
        }
    }

    /// <summary>
    /// target row i += alpha * (sum over p of A[i, p] B[p, :]): each vector of the product is built in a register
    /// by the kernels' fused chain (from zero, p = 0..K-1) and added at once, so each element of target is read
    /// and written once and C never exists in memory. For K up to <see cref="MaxHeldK"/> B's block stays in registers
    /// (<c>AddHeld</c>); above it four rows share every load of B (which sits in L1/L2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddStreamed512(GemmOperand a, GemmOperand b, Span<double> target, double alpha)
    {
        var (m, k, n) = (a.Rows, a.Cols, b.Cols);
        var scale = Vector512.Create(alpha);
        var plainAdd = alpha == 1.0;
        if (k <= MaxHeldK)
        {
            AddHeld(a, b, target, alpha, scale, plainAdd);
            return;
        }

        Span<double> coefficients = stackalloc double[StreamRows * k];
        ref var bStart = ref b.At(0, 0);
        var ldb = (nint)b.RowStride;
        var i = 0;
        for (; i + StreamRows <= m; i += StreamRows)
        {
            for (var r = 0; r < StreamRows; r++)
            {
                for (var p = 0; p < k; p++)
                {
                    coefficients[r * k + p] = a.At(i + r, p);
                }
            }

            ref var row0 = ref MemoryMarshal.GetReference(target.Slice(i * n, StreamRows * n));
            var j = 0;
            for (; j + StripWidth <= n; j += StripWidth)
            {
                StreamTile(ref Unsafe.Add(ref bStart, j), ldb, k, coefficients, ref Unsafe.Add(ref row0, j), n, scale, plainAdd);
            }

            for (var r = 0; r < StreamRows; r++)
            {
                AddRowTail(ref bStart, ldb, coefficients.Slice(r * k, k), ref Unsafe.Add(ref row0, r * n), j, n, alpha, scale, plainAdd);
            }
        }

        AddRowsFrom(a, b, target, i, 0, coefficients[..k], alpha, scale, plainAdd);
    }

    // K <= MaxHeldK: strip by strip of 32 columns, B's K x 32 block stays in registers while every row of the target is
    // updated, so a row costs K broadcasts, 4 loads and 4 stores of the target and 4K FMAs, and no load of B. Each
    // element is the same chain from zero over p = 0..K-1 and the same update as in StreamTile: the same bits.
    private static void AddHeld(GemmOperand a, GemmOperand b, Span<double> target, double alpha, Vector512<double> scale, bool plainAdd)
    {
        var (m, k, n) = (a.Rows, a.Cols, b.Cols);
        ref var bStart = ref b.At(0, 0);
        ref var aStart = ref a.At(0, 0);
        ref var t = ref MemoryMarshal.GetReference(target);
        var j = 0;
        for (; j + StripWidth <= n; j += StripWidth)
        {
            ref var column = ref Unsafe.Add(ref bStart, j);
            ref var destination = ref Unsafe.Add(ref t, j);
            switch (k)
            {
                case 1:
                    HeldStrip<Rows1>(ref column, b.RowStride, ref aStart, a.RowStride, a.ColStride, m, ref destination, n, scale, plainAdd);
                    break;
                case 2:
                    HeldStrip<Rows2>(ref column, b.RowStride, ref aStart, a.RowStride, a.ColStride, m, ref destination, n, scale, plainAdd);
                    break;
                case 3:
                    HeldStrip<Rows3>(ref column, b.RowStride, ref aStart, a.RowStride, a.ColStride, m, ref destination, n, scale, plainAdd);
                    break;
                case 4:
                    HeldStrip<Rows4>(ref column, b.RowStride, ref aStart, a.RowStride, a.ColStride, m, ref destination, n, scale, plainAdd);
                    break;
                default:
                    HeldStrip<Rows5>(ref column, b.RowStride, ref aStart, a.RowStride, a.ColStride, m, ref destination, n, scale, plainAdd);
                    break;
            }
        }

        if (j < n)
        {
            AddRowsFrom(a, b, target, 0, j, stackalloc double[k], alpha, scale, plainAdd);
        }
    }

    // Rows rowStart..M-1 of the target from column `from` on, one row at a time: what the register tiles leave.
    private static void AddRowsFrom(GemmOperand a, GemmOperand b, Span<double> target, int rowStart, int from, Span<double> coefficients, double alpha, Vector512<double> scale, bool plainAdd)
    {
        var (m, k, n) = (a.Rows, a.Cols, b.Cols);
        ref var bStart = ref b.At(0, 0);
        for (var i = rowStart; i < m; i++)
        {
            for (var p = 0; p < k; p++)
            {
                coefficients[p] = a.At(i, p);
            }

            AddRowTail(ref bStart, b.RowStride, coefficients, ref MemoryMarshal.GetReference(target.Slice(i * n, n)), from, n, alpha, scale, plainAdd);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HeldStrip<TK>(ref double column, nint ldb, ref double a, nint ars, nint acs, int m, ref double destination, nint ldt, Vector512<double> scale, bool plainAdd)
        where TK : struct, IGemmRows
    {
        var k = TK.Count;
        var zero = Vector512<double>.Zero;
        var b00 = Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 0));
        var b01 = Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 8));
        var b02 = Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 16));
        var b03 = Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 24));
        var b10 = k > 1 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 1 * ldb + 0)) : zero;
        var b11 = k > 1 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 1 * ldb + 8)) : zero;
        var b12 = k > 1 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 1 * ldb + 16)) : zero;
        var b13 = k > 1 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 1 * ldb + 24)) : zero;
        var b20 = k > 2 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 2 * ldb + 0)) : zero;
        var b21 = k > 2 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 2 * ldb + 8)) : zero;
        var b22 = k > 2 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 2 * ldb + 16)) : zero;
        var b23 = k > 2 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 2 * ldb + 24)) : zero;
        var b30 = k > 3 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 3 * ldb + 0)) : zero;
        var b31 = k > 3 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 3 * ldb + 8)) : zero;
        var b32 = k > 3 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 3 * ldb + 16)) : zero;
        var b33 = k > 3 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 3 * ldb + 24)) : zero;
        var b40 = k > 4 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 4 * ldb + 0)) : zero;
        var b41 = k > 4 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 4 * ldb + 8)) : zero;
        var b42 = k > 4 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 4 * ldb + 16)) : zero;
        var b43 = k > 4 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref column, 4 * ldb + 24)) : zero;
        for (var i = 0; i < m; i++)
        {
            ref var ai = ref Unsafe.Add(ref a, i * ars);
            var x = Vector512.Create(ai);
            var s0 = Avx512F.FusedMultiplyAdd(x, b00, zero);
            var s1 = Avx512F.FusedMultiplyAdd(x, b01, zero);
            var s2 = Avx512F.FusedMultiplyAdd(x, b02, zero);
            var s3 = Avx512F.FusedMultiplyAdd(x, b03, zero);
            if (k > 1)
            {
                x = Vector512.Create(Unsafe.Add(ref ai, 1 * acs));
                s0 = Avx512F.FusedMultiplyAdd(x, b10, s0);
                s1 = Avx512F.FusedMultiplyAdd(x, b11, s1);
                s2 = Avx512F.FusedMultiplyAdd(x, b12, s2);
                s3 = Avx512F.FusedMultiplyAdd(x, b13, s3);
            }

            if (k > 2)
            {
                x = Vector512.Create(Unsafe.Add(ref ai, 2 * acs));
                s0 = Avx512F.FusedMultiplyAdd(x, b20, s0);
                s1 = Avx512F.FusedMultiplyAdd(x, b21, s1);
                s2 = Avx512F.FusedMultiplyAdd(x, b22, s2);
                s3 = Avx512F.FusedMultiplyAdd(x, b23, s3);
            }

            if (k > 3)
            {
                x = Vector512.Create(Unsafe.Add(ref ai, 3 * acs));
                s0 = Avx512F.FusedMultiplyAdd(x, b30, s0);
                s1 = Avx512F.FusedMultiplyAdd(x, b31, s1);
                s2 = Avx512F.FusedMultiplyAdd(x, b32, s2);
                s3 = Avx512F.FusedMultiplyAdd(x, b33, s3);
            }

            if (k > 4)
            {
                x = Vector512.Create(Unsafe.Add(ref ai, 4 * acs));
                s0 = Avx512F.FusedMultiplyAdd(x, b40, s0);
                s1 = Avx512F.FusedMultiplyAdd(x, b41, s1);
                s2 = Avx512F.FusedMultiplyAdd(x, b42, s2);
                s3 = Avx512F.FusedMultiplyAdd(x, b43, s3);
            }

            UpdateRow(ref Unsafe.Add(ref destination, i * ldt), s0, s1, s2, s3, scale, plainAdd);
        }
    }

    // A 4 x 32 tile: 16 accumulators, per step p one broadcast per row and 4 loads of B shared by the 4 rows.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StreamTile(ref double column, nint ldb, int k, ReadOnlySpan<double> coefficients, ref double destination, nint ldc, Vector512<double> scale, bool plainAdd)
    {
        var zero = Vector512<double>.Zero;
        Vector512<double> c00 = zero, c01 = zero, c02 = zero, c03 = zero, c10 = zero, c11 = zero, c12 = zero, c13 = zero;
        Vector512<double> c20 = zero, c21 = zero, c22 = zero, c23 = zero, c30 = zero, c31 = zero, c32 = zero, c33 = zero;
        for (var p = 0; p < k; p++)
        {
            ref var source = ref Unsafe.Add(ref column, p * ldb);
            var b0 = Vector512.LoadUnsafe(ref source);
            var b1 = Vector512.LoadUnsafe(ref source, 8);
            var b2 = Vector512.LoadUnsafe(ref source, 16);
            var b3 = Vector512.LoadUnsafe(ref source, 24);
            var a0 = Vector512.Create(coefficients[p]);
            c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            c02 = Avx512F.FusedMultiplyAdd(a0, b2, c02);
            c03 = Avx512F.FusedMultiplyAdd(a0, b3, c03);
            var a1 = Vector512.Create(coefficients[k + p]);
            c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
            c12 = Avx512F.FusedMultiplyAdd(a1, b2, c12);
            c13 = Avx512F.FusedMultiplyAdd(a1, b3, c13);
            var a2 = Vector512.Create(coefficients[(2 * k) + p]);
            c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
            c22 = Avx512F.FusedMultiplyAdd(a2, b2, c22);
            c23 = Avx512F.FusedMultiplyAdd(a2, b3, c23);
            var a3 = Vector512.Create(coefficients[(3 * k) + p]);
            c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
            c32 = Avx512F.FusedMultiplyAdd(a3, b2, c32);
            c33 = Avx512F.FusedMultiplyAdd(a3, b3, c33);
        }

        UpdateRow(ref destination, c00, c01, c02, c03, scale, plainAdd);
        UpdateRow(ref Unsafe.Add(ref destination, ldc), c10, c11, c12, c13, scale, plainAdd);
        UpdateRow(ref Unsafe.Add(ref destination, 2 * ldc), c20, c21, c22, c23, scale, plainAdd);
        UpdateRow(ref Unsafe.Add(ref destination, 3 * ldc), c30, c31, c32, c33, scale, plainAdd);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UpdateRow(ref double destination, Vector512<double> s0, Vector512<double> s1, Vector512<double> s2, Vector512<double> s3, Vector512<double> scale, bool plainAdd)
    {
        Update(ref destination, s0, scale, plainAdd);
        Update(ref Unsafe.Add(ref destination, 8), s1, scale, plainAdd);
        Update(ref Unsafe.Add(ref destination, 16), s2, scale, plainAdd);
        Update(ref Unsafe.Add(ref destination, 24), s3, scale, plainAdd);
    }

    // Columns from..n-1 of one row: vectors of 8, then single elements (a scalar FMA rounds like a vector lane).
    private static void AddRowTail(ref double bStart, nint ldb, ReadOnlySpan<double> coefficients, ref double row, int from, int n, double alpha, Vector512<double> scale, bool plainAdd)
    {
        var k = coefficients.Length;
        var j = from;
        for (; j + Vector512<double>.Count <= n; j += Vector512<double>.Count)
        {
            var sum = Vector512<double>.Zero;
            ref var column = ref Unsafe.Add(ref bStart, j);
            for (var p = 0; p < k; p++)
            {
                sum = Avx512F.FusedMultiplyAdd(Vector512.Create(coefficients[p]), Vector512.LoadUnsafe(ref Unsafe.Add(ref column, p * ldb)), sum);
            }

            Update(ref Unsafe.Add(ref row, j), sum, scale, plainAdd);
        }

        for (; j < n; j++)
        {
            var sum = 0.0;
            for (var p = 0; p < k; p++)
            {
                sum = Math.FusedMultiplyAdd(coefficients[p], Unsafe.Add(ref bStart, (p * ldb) + j), sum);
            }

            ref var destination = ref Unsafe.Add(ref row, j);
            destination = plainAdd ? destination + sum : (sum * alpha) + destination;
        }
    }

    // destination += sum (alpha 1) or destination = sum * alpha + destination, unfused like TensorPrimitives.MultiplyAdd.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(ref double destination, Vector512<double> sum, Vector512<double> scale, bool plainAdd)
    {
        var current = Vector512.LoadUnsafe(ref destination);
        var updated = plainAdd ? Avx512F.Add(current, sum) : Avx512F.Add(Avx512F.Multiply(sum, scale), current);
        updated.StoreUnsafe(ref destination);
    }

    // The same element-wise operation as Tensor.AddInPlace on a stored product, so both give the same bits.
    private static void Add(ReadOnlySpan<double> product, Span<double> target, double alpha)
    {
        if (alpha == 1.0)
        {
            CacheChunks.Apply<AddOp>(target, product, target);
        }
        else
        {
            CacheChunks.MultiplyAdd(product, alpha, target);
        }
    }

    // A copy with the same layout: row-major stays row-major, a transposed view (X.T) stays a transposed view.
    private static Tensor? Snapshot(Tensor t)
    {
        var strides = t.StridesSpan;
        var shape = t.ShapeSpan;
        if (strides[1] == 1 || shape[1] == 1)
        {
            return t.Clone();
        }

        return strides[0] == 1 || shape[0] == 1 ? t.T.Clone().T : null;
    }
}
