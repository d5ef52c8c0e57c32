using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>Im2Col and Col2Im against element-by-element definitions, for strides, paddings and windows partly or wholly in the padding.</summary>
public sealed class ConvIm2ColTests
{
    public static TheoryData<int, int, int, int, int, int, int, int> Cases => new()
    {
        { 2, 3, 7, 7, 3, 3, 1, 1 },
        { 1, 2, 6, 5, 2, 2, 2, 0 },
        { 3, 1, 28, 28, 7, 7, 1, 0 },
        { 1, 2, 5, 6, 3, 2, 2, 2 },
        { 1, 1, 2, 3, 5, 5, 1, 4 },
        { 2, 2, 9, 4, 4, 3, 3, 1 },
        { 1, 2, 12, 13, 9, 9, 1, 0 }, // kernel rows longer than two vectors
        { 2, 1, 10, 12, 8, 8, 1, 0 }, // exactly two vectors
        { 1, 3, 6, 6, 1, 1, 1, 0 }, // 1 x 1
        { 1, 3, 11, 13, 5, 4, 2, 1 }, // one vector plus one, padded
        { 1, 1, 9, 9, 6, 6, 1, 2 }, // windows cut by the padding on both sides
    };

    /// <summary>cols[(n, oh, ow), (c, i, j)] = x[n, c, oh*s + i - pad, ow*s + j - pad], 0 outside the image.</summary>
    private static double[] NaiveIm2Col(double[] x, int n, int c, int h, int w, int kh, int kw, int s, int pad)
    {
        var (outH, outW) = (Conv.OutputSize(h, kh, s, pad), Conv.OutputSize(w, kw, s, pad));
        var patch = c * kh * kw;
        var cols = new double[n * outH * outW * patch];
        for (var img = 0; img < n; img++)
        {
            for (var oh = 0; oh < outH; oh++)
            {
                for (var ow = 0; ow < outW; ow++)
                {
                    for (var ch = 0; ch < c; ch++)
                    {
                        for (var i = 0; i < kh; i++)
                        {
                            for (var j = 0; j < kw; j++)
                            {
                                var (y, xx) = (oh * s + i - pad, ow * s + j - pad);
                                var inside = y >= 0 && y < h && xx >= 0 && xx < w;
                                cols[((img * outH + oh) * outW + ow) * patch + (ch * kh + i) * kw + j] =
                                    inside ? x[((img * c + ch) * h + y) * w + xx] : 0.0;
                            }
                        }
                    }
                }
            }
        }

        return cols;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Im2Col_MatchesElementwiseDefinition(int n, int c, int h, int w, int kh, int kw, int stride, int pad)
    {
        var x = Tensor.RandomNormal([n, c, h, w], 0, 1, new Rng(8));
        var expected = NaiveIm2Col(x.ToArray(), n, c, h, w, kh, kw, stride, pad);
        Assert.Equal(expected, Conv.Im2Col(x, kh, kw, stride, pad).ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Col2Im_SumsEveryPatchValueIntoItsPixel(int n, int c, int h, int w, int kh, int kw, int stride, int pad)
    {
        // Col2Im is the transpose of Im2Col: pixel p receives the sum of every cols entry that Im2Col copied from p.
        var index = Tensor.FromArray(Enumerable.Range(1, n * c * h * w).Select(v => (double)v).ToArray(), n, c, h, w);
        var sources = NaiveIm2Col(index.ToArray(), n, c, h, w, kh, kw, stride, pad);
        var values = Tensor.RandomNormal([sources.Length], 0, 1, new Rng(9));
        var expected = new double[n * c * h * w];
        for (var e = 0; e < sources.Length; e++)
        {
            if (sources[e] > 0)
            {
                expected[(int)sources[e] - 1] += values[e];
            }
        }

        var cols = values.Reshape(sources.Length / (c * kh * kw), c * kh * kw);
        var actual = Conv.Col2Im(cols, [n, c, h, w], kh, kw, stride, pad).ToArray();

        // Bit for bit: each pixel adds its windows' values in the order of the rows of cols, as the loop above does,
        // so a conv layer's dX never depends on how Col2Im is organised inside.
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Im2Col_TransposedInputView_MatchesContiguousInput()
    {
        var x = Tensor.RandomNormal([2, 5, 6, 3], 0, 1, new Rng(10)).Transpose(0, 3, 1, 2); // (N, C, H, W) view of NHWC data
        Assert.Equal(Conv.Im2Col(x.Contiguous(), 3, 3, 1, 1).ToArray(), Conv.Im2Col(x, 3, 3, 1, 1).ToArray());
    }
}
