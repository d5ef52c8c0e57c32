using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// The matrix-multiply hot path. C (M, N) = A (M, K) x B (K, N) for 2-D operands given as possibly
/// transposed views (read in place, never copied whole); C is written (not accumulated) in row-major order.
/// </summary>
/// <remarks>
/// Paths, chosen from the shapes and strides only (so a given product always takes the same one):
/// few rows of A (M at most one register tile) stream a row-major B directly (<see cref="GemmSmallRows{TKernel}"/>; the
/// wide, short tile only when B has more columns than the standard tile, so a 10-column B is not computed 32 wide);
/// few rows times a transposed B (G x W.T) become dot products of contiguous rows (<see cref="GemmTransposedB{TDot}"/>);
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
        return (int)Math.Clamp(flops / FlopsPerWorker, 1, Math.Max(1, maxWorkers));
    }

    /// <summary>The tiled paths; <typeparamref name="TSmall"/> is a wider, shorter tile for the smallest batches.</summary>
    private static void Tiled<TKernel, TSmall, TDot>(GemmOperand a, GemmOperand b, double[] c, int cOffset, int workers)
        where TKernel : struct, IGemmKernel
        where TSmall : struct, IGemmKernel
        where TDot : struct, IGemmDotKernel
    {
        if (a.Rows <= TSmall.Rows && b.ColStride == 1 && b.Cols > TKernel.Cols)
        {
            GemmSmallRows<TSmall>.Multiply(a, b, c, cOffset, b.Cols, workers);
        }
        else if (a.Rows <= TKernel.Rows && b.ColStride == 1)
        {
            GemmSmallRows<TKernel>.Multiply(a, b, c, cOffset, b.Cols, workers);
        }
        else if (a.Rows <= TKernel.Rows && a.Cols >= 16 && b.RowStride == 1 && a.ColStride == 1)
        {
            GemmTransposedB<TDot>.Multiply(a, b, c, cOffset, b.Cols, workers);
        }
        else
        {
            GemmBlocked<TKernel>.Multiply(a, b, c, cOffset, b.Cols, workers);
        }
    }

    /// <summary>C row i = sum over p of A[i, p] * B row p, one TensorPrimitives AXPY per (i, p).</summary>
    private static void Portable(GemmOperand a, GemmOperand b, double[] c, int cOffset)
    {
        var (m, k, n) = (a.Rows, a.Cols, b.Cols);
        var rowMajor = b.ColStride == 1 ? b : GemmOperand.Of(Tensor.Wrap(Gather(b), [k, n]));
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

    private static double[] Gather(GemmOperand b)
    {
        var copy = new double[b.Rows * b.Cols];
        for (var p = 0; p < b.Rows; p++)
        {
            for (var j = 0; j < b.Cols; j++)
            {
                copy[p * b.Cols + j] = b.At(p, j);
            }
        }

        return copy;
    }
}
