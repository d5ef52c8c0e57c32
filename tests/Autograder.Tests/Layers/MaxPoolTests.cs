using NeuralNet;
using NeuralNet.Layers;

namespace Autograder.Tests.Layers;

/// <summary>
/// MaxPool2D against a plain loop written here from the definition (keep the first strictly larger value of each
/// window, row by row): every value and every routed gradient bit for bit, on widths where the eight-window vector
/// path runs and where the per-window tail runs, with ties, NaN and negative values.
/// </summary>
public sealed class MaxPoolTests
{
    [Theory]
    [InlineData(2, 3, 22, 22, 2, 2)] // HW3's CNN shape (11 windows a row: eight by vectors, three alone)
    [InlineData(1, 2, 16, 33, 2, 2)] // 16 windows a row, an odd width (the last column is in no window)
    [InlineData(2, 1, 5, 7, 2, 2)] // fewer than eight windows a row
    [InlineData(1, 2, 9, 9, 3, 2)] // overlapping 3 x 3 windows: gradients add up
    [InlineData(1, 1, 8, 40, 2, 1)] // stride 1
    [InlineData(32, 64, 22, 22, 2, 2)] // HW3's whole batch: over SplitWork's threshold, planes pooled on every core
    [InlineData(5, 23, 48, 48, 3, 2)] // split, an odd number of planes, overlapping windows
    public void ForwardAndBackward_MatchAPlainLoop_BitForBit(int n, int c, int h, int w, int k, int stride)
    {
        var x = Input(n, c, h, w);
        var pool = new MaxPool2D(k, stride);
        var outShape = pool.OutputShape(x.Shape);
        var grad = Tensor.RandomNormal(outShape, 0, 1, new Rng(11));

        var (expectedY, expectedDx) = Naive(x, grad, k, stride);

        Assert.Equal(expectedY, pool.Forward(x).ToArray());
        Assert.Equal(expectedDx, pool.Backward(x, grad).ToArray());
    }

    // Random values rounded to a few levels (many ties), with NaN and negative numbers sprinkled in.
    private static Tensor Input(int n, int c, int h, int w)
    {
        var rng = new Rng(5);
        var values = new double[n * c * h * w];
        for (var i = 0; i < values.Length; i++)
        {
            var r = rng.NextInt(20);
            values[i] = r == 0 ? double.NaN : r < 4 ? -1.5 : Math.Round(rng.NextDouble() * 4) - 1;
        }

        return Tensor.FromArray(values, n, c, h, w);
    }

    private static (double[] Y, double[] Dx) Naive(Tensor x, Tensor grad, int k, int stride)
    {
        var (n, c, h, w) = (x.Dim(0), x.Dim(1), x.Dim(2), x.Dim(3));
        var (outH, outW) = (grad.Dim(2), grad.Dim(3));
        var input = x.ToArray();
        var g = grad.ToArray();
        var y = new double[n * c * outH * outW];
        var dx = new double[input.Length];
        for (var plane = 0; plane < n * c; plane++)
        {
            for (var oh = 0; oh < outH; oh++)
            {
                for (var ow = 0; ow < outW; ow++)
                {
                    var best = (plane * h + oh * stride) * w + ow * stride;
                    for (var i = 0; i < k; i++)
                    {
                        for (var j = 0; j < k; j++)
                        {
                            var at = (plane * h + oh * stride + i) * w + ow * stride + j;
                            if (input[at] > input[best])
                            {
                                best = at;
                            }
                        }
                    }

                    var o = (plane * outH + oh) * outW + ow;
                    y[o] = input[best];
                    dx[best] += g[o];
                }
            }
        }

        return (y, dx);
    }
}
