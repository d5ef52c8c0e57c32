namespace NeuralNet;

/// <summary>
/// Few rows of A times a transposed B, e.g. G (5, 1000) x W.T with W (784, 1000): packing W.T would cost
/// more than the product, so each C element is a dot product of two contiguous rows, and every row of
/// W is streamed once.
/// </summary>
internal static class GemmTransposedB<TDot>
    where TDot : struct, IGemmDotKernel
{
    /// <summary>C (m, n) = A (m, k) x B (k, n) with A rows contiguous (column stride 1) and B columns contiguous (row stride 1).</summary>
    public static void Multiply(GemmOperand a, GemmOperand b, double[] c, int cOffset, int ldc, int workers)
    {
        var groups = (b.Cols + TDot.Cols - 1) / TDot.Cols;
        if (workers <= 1 || groups < 2 * workers)
        {
            Compute(a, b, c, cOffset, ldc, 0, groups);
            return;
        }

        Parallel.For(0, workers, w => Compute(a, b, c, cOffset, ldc, GemmPartition.Start(groups, workers, w), GemmPartition.Start(groups, workers, w + 1)));
    }

    private static void Compute(GemmOperand a, GemmOperand b, double[] c, int cOffset, int ldc, int g0, int g1)
    {
        var (m, k, n) = (a.Rows, a.Cols, b.Cols);
        for (var g = g0; g < g1; g++)
        {
            var j = g * TDot.Cols;
            var cols = Math.Min(TDot.Cols, n - j);
            for (var i = 0; i < m; i += TDot.Rows)
            {
                var rows = Math.Min(TDot.Rows, m - i);
                TDot.Run(rows, cols, k, ref a.At(i, 0), a.RowStride, ref b.At(0, j), b.ColStride, ref c[cOffset + i * ldc + j], ldc);
            }
        }
    }
}
