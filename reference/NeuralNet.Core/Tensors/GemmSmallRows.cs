using System.Buffers;

namespace NeuralNet;

/// <summary>
/// The lean path for few rows (a mini-batch times a weight matrix, e.g. (5, 784) x (784, 1000)): every
/// row of A fits in one register tile, so B is streamed once straight from a row-major matrix, with no
/// packing and no blocking of the inner dimension.
/// </summary>
internal static class GemmSmallRows<TKernel>
    where TKernel : struct, IGemmKernel
{
    /// <summary>C (m, n) = A (m, k) x B (k, n) for 1 &lt;= m &lt;= <c>TKernel.Rows</c>, k &gt;= 1 and B rows contiguous (column stride 1).</summary>
    public static void Multiply(GemmOperand a, GemmOperand b, double[] c, int cOffset, int ldc, int workers)
    {
        var strips = (b.Cols + TKernel.Cols - 1) / TKernel.Cols;
        if (workers <= 1 || strips < 2 * workers)
        {
            Compute(a, b, c, cOffset, ldc, 0, strips);
            return;
        }

        Parallel.For(0, workers, w => Compute(a, b, c, cOffset, ldc, GemmPartition.Start(strips, workers, w), GemmPartition.Start(strips, workers, w + 1)));
    }

    private static void Compute(GemmOperand a, GemmOperand b, double[] c, int cOffset, int ldc, int s0, int s1)
    {
        var (m, k, n) = (a.Rows, a.Cols, b.Cols);
        var width = TKernel.Cols;
        ref var aRef = ref a.At(0, 0);
        Span<double> tile = stackalloc double[TKernel.Rows * width];
        for (var s = s0; s < s1; s++)
        {
            var j = s * width;
            if (j + width <= n)
            {
                TKernel.Run(m, k, ref aRef, a.RowStride, a.ColStride, ref b.At(0, j), b.RowStride, ref c[cOffset + j], ldc, accumulate: false);
                continue;
            }

            // The last, partial strip. Rows of B whose `width` values from column j lie inside B's array are read in
            // place: the values past column n belong to the next row (or to other data), and reach only the scratch
            // tile's columns past n, which are never copied to C. The rows that would read past the array's end are
            // packed, padded with zeros, and continue the same fused chains (accumulate), so every element of C is
            // computed exactly as from a packed strip (with the 16-wide tile for narrow B: a 5 x 1000 x 10 product
            // 9.0 -> 1.8 µs, docs/performance.md).
            var cols = n - j;
            var room = (long)b.Data.Length - (b.Offset + j + width);
            var direct = b.RowStride <= 0 || room < 0 ? 0 : (int)Math.Min(k, room / b.RowStride + 1);
            if (direct > 0)
            {
                GemmBlocked<TKernel>.EdgeTile(m, direct, ref aRef, a.RowStride, a.ColStride, ref b.At(0, j), b.RowStride, c, cOffset + j, ldc, cols, accumulate: false, tile);
            }

            if (direct == k)
            {
                continue;
            }

            var packedRows = k - direct;
            var strip = ArrayPool<double>.Shared.Rent(packedRows * width);
            try
            {
                for (var p = 0; p < packedRows; p++)
                {
                    var row = strip.AsSpan(p * width, width);
                    b.Data.AsSpan(b.Offset + (direct + p) * b.RowStride + j, cols).CopyTo(row);
                    row[cols..].Clear();
                }

                GemmBlocked<TKernel>.EdgeTile(m, packedRows, ref a.At(0, direct), a.RowStride, a.ColStride, ref strip[0], width, c, cOffset + j, ldc, cols, accumulate: direct > 0, tile);
            }
            finally
            {
                ArrayPool<double>.Shared.Return(strip);
            }
        }
    }
}
