using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// The matrix-multiply hot path. C (M, N) = A (M, K) x B (K, N) for 2-D operands given as possibly
/// transposed views (read in place; only a small B is copied whole); C is written (not accumulated) in row-major order.
/// </summary>
/// <remarks>
/// Paths, chosen from the shapes and strides only (so a given product always takes the same one):
/// with AVX-512, a B of at most 16 x 15 is copied padded into a stack buffer and C computed from it four or eight rows
/// at a time (<see cref="GemmNarrowB"/>), unless few rows of A can stream a row-major B as below;
/// few rows of A (M at most one register tile) stream a row-major B directly (<see cref="GemmSmallRows{TKernel}"/>; the
/// wide, short tile only when B has more columns than the standard tile, so a 10-column B is not computed 32 wide);
/// few rows times a transposed B (G x W.T) become dot products of contiguous rows (<see cref="GemmTransposedB{TDot}"/>)
/// when K is 16 or more, and otherwise take the few-rows path from a row-major copy of B (at most 512 KB);
/// everything else goes through the packed, cache-blocked product (<see cref="GemmBlocked{TKernel}"/>).
/// Work over about <see cref="FlopsPerWorker"/> floating-point operations is split across cores by
/// output rows or columns, never along K, so results are bit-identical for any thread count.
/// </remarks>
internal static class MatMulKernel
{
    /// <summary>
    /// Flops per thread below which splitting does not pay: a fork/join (Parallel.For) costs 10-150 us on the
    /// 2-core VM the benchmarks ran on when the pool thread has to be woken, about 1-2 ms of kernel work.
    /// </summary>
    internal const double FlopsPerWorker = 2.5e7;

    /// <summary>Most elements of a B that few rows of A have copied row-major (512 KB) rather than packed block by block.</summary>
    private const long MaxRowMajorCopy = 1 << 16;

    /// <summary>The best micro-kernel family this CPU runs.</summary>
    internal static GemmIsa BestIsa { get; } =
        GemmKernel512.IsSupported ? GemmIsa.Avx512
        : GemmKernel256.IsSupported ? GemmIsa.Avx2
        : GemmIsa.Portable;

    /// <summary>C = A x B into a span (single-threaded copy-out; the array overload is the fast path).</summary>
    public static void Multiply(Tensor a, Tensor b, Span<double> c)
    {
        var result = ArrayPool<double>.Shared.Rent(c.Length);
        try
        {
            Multiply(a, b, result, 0, BestIsa, 1);
            result.AsSpan(0, c.Length).CopyTo(c);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(result);
        }
    }

    /// <summary>C = A x B into <c>c[cOffset ..]</c>, row-major (M, N), with the best kernels and all cores.</summary>
    public static void Multiply(Tensor a, Tensor b, double[] c, int cOffset) =>
        Multiply(a, b, c, cOffset, BestIsa, Environment.ProcessorCount);

    /// <summary>C = A x B with a chosen kernel family and thread limit (benchmarks pin both).</summary>
    internal static void Multiply(Tensor a, Tensor b, double[] c, int cOffset, GemmIsa isa, int maxWorkers) =>
        MultiplyOn(a, b, c, cOffset, isa, Workers(a.ShapeSpan[0], a.ShapeSpan[1], b.ShapeSpan[1], maxWorkers));

    /// <summary>C = A x B split over exactly <paramref name="workers"/> threads where the shape allows (tests force small shapes onto threads).</summary>
    internal static void MultiplyOn(Tensor a, Tensor b, double[] c, int cOffset, GemmIsa isa, int workers)
    {
        var left = GemmOperand.Of(a);
        var right = GemmOperand.Of(b);
        var (m, k, n) = (left.Rows, left.Cols, right.Cols);
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            c.AsSpan(cOffset, m * n).Clear();
            return;
        }

        switch (isa)
        {
            case GemmIsa.Avx512 when GemmNarrowB.Takes(left, right):
                GemmNarrowB.Multiply(left, right, c, cOffset, n, workers);
                break;
            case GemmIsa.Avx512 when GemmKernel512.IsSupported:
                Tiled<GemmKernel512, GemmKernel512Wide, GemmDot512>(left, right, c, cOffset, workers);
                break;
            case GemmIsa.Avx2 when GemmKernel256.IsSupported:
                Tiled<GemmKernel256, GemmKernel256, GemmDot256>(left, right, c, cOffset, workers);
                break;
            default:
                Portable(left, right, c, cOffset);
                break;
        }
    }

    internal static int Workers(int m, int k, int n, int maxWorkers)
    {
        var flops = 2.0 * m * k * n;
        var byFlops = (int)Math.Clamp(flops / FlopsPerWorker, 1, Math.Max(1, maxWorkers));

        // A product with a large result and a short K (a small batch's weight gradient Xᵀ·G, 784 x 5 x 1000) is
        // limited by writing C, which one core does at about half the rate two do (SplitWork): split it by the
        // result's size as element-wise passes are.
        return Math.Max(byFlops, Math.Min(SplitWork.Parts((long)m * n), Math.Max(1, maxWorkers)));
    }

    /// <summary>The tiled paths; <typeparamref name="TSmall"/> is a wider, shorter tile for the smallest batches.</summary>
    private static void Tiled<TKernel, TSmall, TDot>(GemmOperand a, GemmOperand b, double[] c, int cOffset, int workers)
        where TKernel : struct, IGemmKernel
        where TSmall : struct, IGemmKernel
        where TDot : struct, IGemmDotKernel
    {
        if (a.Rows <= TKernel.Rows && b.ColStride != 1 && !DotProducts(a, b, TKernel.Rows) && (long)b.Rows * b.Cols <= MaxRowMajorCopy)
        {
            // Few rows times a B that is not row-major and too shallow for dot products, e.g. G (5, 10) x W.T (10, 1000):
            // a row-major copy of B takes the few-rows path below (the blocked path would pack B anyway, and more).
            var copy = ArrayPool<double>.Shared.Rent(b.Rows * b.Cols);
            try
            {
                CopyRowMajor(b, copy);
                var rowMajor = new GemmOperand(copy, 0, b.Rows, b.Cols, b.Cols, 1);
                Tiled<TKernel, TSmall, TDot>(a, rowMajor, c, cOffset, workers);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(copy);
            }
        }
        else if (a.Rows <= TSmall.Rows && b.ColStride == 1 && b.Cols > TKernel.Cols)
        {
            GemmSmallRows<TSmall>.Multiply(a, b, c, cOffset, b.Cols, workers);
        }
        else if (a.Rows <= TKernel.Rows && b.ColStride == 1)
        {
            GemmSmallRows<TKernel>.Multiply(a, b, c, cOffset, b.Cols, workers);
        }
        else if (DotProducts(a, b, TKernel.Rows))
        {
            GemmTransposedB<TDot>.Multiply(a, b, c, cOffset, b.Cols, workers);
        }
        else
        {
            GemmBlocked<TKernel>.Multiply(a, b, c, cOffset, b.Cols, workers);
        }
    }

    /// <summary>B into <paramref name="copy"/> row-major, reading B along its smaller stride (a transposed B row by row).</summary>
    internal static void CopyRowMajor(GemmOperand b, Span<double> copy)
    {
        var (k, n) = (b.Rows, b.Cols);
        ref var source = ref b.At(0, 0);
        ref var target = ref copy[0];
        if (Math.Abs(b.RowStride) < Math.Abs(b.ColStride))
        {
            // Four columns of B (rows of the matrix it transposes) at a time, so each row of the copy gets four
            // contiguous values per store: 2.4 us for a (10, 1000) B against 5-6 us one value at a time (scratch timing).
            nint rs = b.RowStride;
            nint cs = b.ColStride;
            var j = 0;
            for (; j + 4 <= n; j += 4)
            {
                ref var column = ref Unsafe.Add(ref source, j * cs);
                for (var p = 0; p < k; p++)
                {
                    ref var value = ref Unsafe.Add(ref column, p * rs);
                    Vector256.Create(value, Unsafe.Add(ref value, cs), Unsafe.Add(ref value, 2 * cs), Unsafe.Add(ref value, 3 * cs))
                        .StoreUnsafe(ref Unsafe.Add(ref target, p * n + j));
                }
            }

            for (; j < n; j++)
            {
                ref var column = ref Unsafe.Add(ref source, j * cs);
                for (var p = 0; p < k; p++)
                {
                    Unsafe.Add(ref target, p * n + j) = Unsafe.Add(ref column, p * rs);
                }
            }

            return;
        }

        for (var p = 0; p < k; p++)
        {
            ref var row = ref Unsafe.Add(ref source, (nint)p * b.RowStride);
            for (var j = 0; j < n; j++)
            {
                Unsafe.Add(ref target, p * n + j) = Unsafe.Add(ref row, (nint)j * b.ColStride);
            }
        }
    }

    /// <summary>
    /// True when a product whose A has <paramref name="rows"/> rows takes the same kernel path, and so gives the same
    /// bits, whatever B's layout: above the tallest register tile (12 rows) neither the few-rows paths nor the dot
    /// products run, the blocked path packs B, and the narrow-B path pads it; the portable path copies it row-major.
    /// </summary>
    /// <param name="rows">M, the rows of A</param>
    internal static bool AnyLayoutOfBGivesTheSameBits(int rows) =>
        rows > Math.Max(GemmKernel512.Rows, Math.Max(GemmKernel512Wide.Rows, GemmKernel256.Rows));

    /// <summary>Few rows of A times a transposed B, deep enough for contiguous dot products.</summary>
    private static bool DotProducts(GemmOperand a, GemmOperand b, int maxRows) =>
        a.Rows <= maxRows && a.Cols >= 16 && b.RowStride == 1 && a.ColStride == 1;

    /// <summary>C row i = sum over p of A[i, p] * B row p, one TensorPrimitives AXPY per (i, p).</summary>
    private static void Portable(GemmOperand a, GemmOperand b, double[] c, int cOffset)
    {
        var (m, k, n) = (a.Rows, a.Cols, b.Cols);
        var rowMajor = b;
        if (b.ColStride != 1)
        {
            var copy = new double[k * n];
            CopyRowMajor(b, copy);
            rowMajor = new GemmOperand(copy, 0, k, n, n, 1);
        }

        for (var i = 0; i < m; i++)
        {
            var row = c.AsSpan(cOffset + i * n, n);
            row.Clear();
            for (var p = 0; p < k; p++)
            {
                var aip = a.At(i, p);
                TensorPrimitives.FusedMultiplyAdd(rowMajor.Data.AsSpan(rowMajor.Offset + p * rowMajor.RowStride, n), aip, row, row);
            }
        }
    }
}
