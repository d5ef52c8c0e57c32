using System.Buffers;
using System.Runtime.CompilerServices;

namespace NeuralNet;

/// <summary>
/// The cache-blocked product for the general case (after Goto and van de Geijn, "Anatomy of
/// high-performance matrix multiplication", 2008, and BLIS): for each pass over a kc-deep slice of the inner
/// dimension, a kc x nc block of B is packed into strips <c>TKernel.Cols</c> wide that stay in L2 while a kc-long
/// slice of <c>TKernel.Rows</c> rows of A (read in place through its strides, transposed or not) stays in L1 and
/// meets every strip of the block.
/// </summary>
/// <remarks>
/// Threads own disjoint row ranges of C (or column ranges when C has few rows), and each packs the blocks of B it
/// uses into its own buffer, so packed B never leaves the core's caches: packing all of B up front wrote and read back
/// a buffer as large as B (7.9 MB for a convolution's weight gradient over K = 15,488), which made long-K products
/// memory-bound. The inner dimension is never split, so the result does not depend on the thread count.
/// </remarks>
internal static class GemmBlocked<TKernel>
    where TKernel : struct, IGemmKernel
{
    /// <summary>Deepest slice of the inner dimension per pass: a 12-row slice of A is then 24 KB (L1 is 32-48 KB).</summary>
    private const int KcMax = 256;

    /// <summary>Doubles of packed B kept hot per pass: 512 KB, half a typical L2.</summary>
    private const int BlockBudget = 64 * 1024;

    /// <summary>C (m, n) = A (m, k) x B (k, n), k at least 1; C row i starts at <c>c[cOffset + i * ldc]</c>.</summary>
    public static void Multiply(GemmOperand a, GemmOperand b, double[] c, int cOffset, int ldc, int workers)
    {
        var (m, k, n) = (a.Rows, a.Cols, b.Cols);
        var strips = (n + TKernel.Cols - 1) / TKernel.Cols;
        var kc = GemmPartition.Balanced(k, KcMax);
        var panels = (m + TKernel.Rows - 1) / TKernel.Rows;
        if (workers <= 1)
        {
            Compute(a, b, kc, c, cOffset, ldc, 0, m, 0, strips);
        }
        else if (panels >= 4 * workers || panels >= strips)
        {
            Parallel.For(0, workers, w =>
                Compute(a, b, kc, c, cOffset, ldc, GemmPartition.Start(panels, workers, w) * TKernel.Rows, Math.Min(m, GemmPartition.Start(panels, workers, w + 1) * TKernel.Rows), 0, strips));
        }
        else
        {
            Parallel.For(0, workers, w =>
                Compute(a, b, kc, c, cOffset, ldc, 0, m, GemmPartition.Start(strips, workers, w), GemmPartition.Start(strips, workers, w + 1)));
        }
    }

    /// <summary>
    /// Packs rows [p0, p0 + depth) of strips [s0, s1) of B into <paramref name="packed"/>: strip s at
    /// <c>(s - s0) * depth * Cols</c>, its row p holding B[p0 + p, s * Cols ..] with zeros past column n.
    /// </summary>
    private static void Pack(GemmOperand b, Span<double> packed, int p0, int depth, int s0, int s1)
    {
        var n = b.Cols;
        var width = TKernel.Cols;
        for (var s = s0; s < s1; s++)
        {
            var j0 = s * width;
            var cols = Math.Min(width, n - j0);
            var strip = packed.Slice((s - s0) * depth * width, depth * width);
            if (b.ColStride == 1 && cols == width)
            {
                for (var p = 0; p < depth; p++)
                {
                    b.Data.AsSpan(b.Offset + (p0 + p) * b.RowStride + j0, width).CopyTo(strip.Slice(p * width, width));
                }

                continue;
            }

            // Transposed or strided B, or the last partial strip: column by column, so a transposed B
            // is read along its contiguous rows.
            strip.Clear();
            for (var j = 0; j < cols; j++)
            {
                ref var src = ref b.At(p0, j0 + j);
                nint step = b.RowStride;
                for (var p = 0; p < depth; p++)
                {
                    strip[p * width + j] = Unsafe.Add(ref src, p * step);
                }
            }
        }
    }

    /// <summary>C[i0..i1, strips s0..s1] over all passes; A is read in place, B packed block by block.</summary>
    private static void Compute(GemmOperand a, GemmOperand b, int kc, double[] c, int cOffset, int ldc, int i0, int i1, int s0, int s1)
    {
        var (k, n) = (a.Cols, b.Cols);
        var (rowsMax, width) = (TKernel.Rows, TKernel.Cols);
        var block = Math.Max(1, BlockBudget / (kc * width));
        var packed = ArrayPool<double>.Shared.Rent(kc * Math.Min(block, s1 - s0) * width);
        Span<double> tile = stackalloc double[rowsMax * width];
        try
        {
            for (var js = s0; js < s1; js += block)
            {
                var je = Math.Min(s1, js + block);
                for (var p0 = 0; p0 < k; p0 += kc)
                {
                    var depth = Math.Min(kc, k - p0);
                    var accumulate = p0 > 0;
                    Pack(b, packed, p0, depth, js, je);
                    for (var i = i0; i < i1; i += rowsMax)
                    {
                        var rows = Math.Min(rowsMax, i1 - i);
                        ref var aRef = ref a.At(i, p0);
                        for (var s = js; s < je; s++)
                        {
                            var j = s * width;
                            ref var bRef = ref packed[(s - js) * depth * width];
                            if (j + width <= n)
                            {
                                TKernel.Run(rows, depth, ref aRef, a.RowStride, a.ColStride, ref bRef, width, ref c[cOffset + i * ldc + j], ldc, accumulate);
                            }
                            else
                            {
                                EdgeTile(rows, depth, ref aRef, a.RowStride, a.ColStride, ref bRef, width, c, cOffset + i * ldc + j, ldc, n - j, accumulate, tile);
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(packed);
        }
    }

    /// <summary>A tile with fewer than <c>Cols</c> columns of C left: computed in a scratch tile, then copied out.</summary>
    internal static void EdgeTile(int rows, int depth, ref double a, nint rs, nint cs, ref double b, nint ldb, double[] c, int cStart, int ldc, int cols, bool accumulate, Span<double> tile)
    {
        var width = TKernel.Cols;
        for (var r = 0; r < rows; r++)
        {
            var row = tile.Slice(r * width, width);
            if (accumulate)
            {
                c.AsSpan(cStart + r * ldc, cols).CopyTo(row);
            }
        }

        TKernel.Run(rows, depth, ref a, rs, cs, ref b, ldb, ref tile[0], width, accumulate);
        for (var r = 0; r < rows; r++)
        {
            tile.Slice(r * width, cols).CopyTo(c.AsSpan(cStart + r * ldc, cols));
        }
    }
}
