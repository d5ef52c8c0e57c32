using System.Numerics.Tensors;

namespace NeuralNet;

/// <summary>
/// The matrix-multiply hot path. C (M, N) = A (M, K) x B (K, N) for 2-D operands given as possibly
/// transposed views; C is written (not accumulated) in row-major order.
/// </summary>
internal static class MatMulKernel
{
    public static void Multiply(Tensor a, Tensor b, Span<double> c)
    {
        var ca = a.Contiguous();
        var cb = b.Contiguous();
        var m = a.ShapeSpan[0];
        var k = a.ShapeSpan[1];
        var n = b.ShapeSpan[1];
        var aData = ca.Buffer.AsSpan(ca.Offset, m * k);
        var bData = cb.Buffer.AsSpan(cb.Offset, k * n);
        c.Clear();
        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            for (var p = 0; p < k; p++)
            {
                var aip = aData[i * k + p];
                if (aip != 0.0)
                {
                    TensorPrimitives.MultiplyAdd(bData.Slice(p * n, n), aip, row, row);
                }
            }
        }
    }
}
