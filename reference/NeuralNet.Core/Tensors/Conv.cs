namespace NeuralNet;

/// <summary>
/// im2col / col2im: convolution as one matrix product (the trick of HW6's dnn_im2col.py and CS231n).
/// A patch row lists the input values one output position sees, so conv = cols x W_flat.
/// </summary>
public static class Conv
{
    /// <summary>Output size of a convolution or pooling window along one axis: (size + 2 pad - k) / stride + 1.</summary>
    public static int OutputSize(int size, int kernel, int stride, int pad)
    {
        if (stride <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "Conv: stride must be positive.");
        }

        var span = size + 2 * pad - kernel;
        if (span < 0)
        {
            throw new ArgumentException($"Conv: kernel {kernel} is larger than the padded input {size + 2 * pad}.");
        }

        return span / stride + 1;
    }

    /// <summary>Unfolds patches of <paramref name="x"/>.</summary>
    /// <param name="x">input images, shape (N, C, H, W)</param>
    /// <param name="kh">kernel height</param>
    /// <param name="kw">kernel width</param>
    /// <param name="stride">step between windows</param>
    /// <param name="pad">zero padding on every side</param>
    /// <returns>patches, shape (N * outH * outW, C * kh * kw); row (n, oh, ow), column (c, i, j)</returns>
    public static Tensor Im2Col(Tensor x, int kh, int kw, int stride, int pad)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireImages(x, "Im2Col");
        var (n, c, h, w) = (x.Dim(0), x.Dim(1), x.Dim(2), x.Dim(3));
        var outH = OutputSize(h, kh, stride, pad);
        var outW = OutputSize(w, kw, stride, pad);
        var patch = c * kh * kw;

        // Every element is written below (copied or zeroed), so the array need not be cleared first.
        var cols = GC.AllocateUninitializedArray<double>(n * outH * outW * patch);
        var source = x.Contiguous();
        var data = source.Buffer.AsSpan(source.Offset, n * c * h * w);
        for (var img = 0; img < n; img++)
        {
            for (var oh = 0; oh < outH; oh++)
            {
                for (var ow = 0; ow < outW; ow++)
                {
                    var row = cols.AsSpan(((img * outH + oh) * outW + ow) * patch, patch);
                    var (left, j0, j1) = WindowColumns(ow, stride, pad, kw, w);
                    for (var ch = 0; ch < c; ch++)
                    {
                        var plane = data.Slice((img * c + ch) * h * w, h * w);
                        for (var i = 0; i < kh; i++)
                        {
                            // One kernel row of the window: kw values of image row y from column `left`, zeros outside the image.
                            var y = oh * stride + i - pad;
                            var dst = row.Slice((ch * kh + i) * kw, kw);
                            if ((uint)y >= (uint)h || j0 >= j1)
                            {
                                dst.Clear();
                                continue;
                            }

                            dst[..j0].Clear();
                            plane.Slice(y * w + left + j0, j1 - j0).CopyTo(dst[j0..j1]);
                            dst[j1..].Clear();
                        }
                    }
                }
            }
        }

        return Tensor.Wrap(cols, [n * outH * outW, patch]);
    }

    /// <summary>Folds patch gradients back into image gradients, summing where windows overlap (the adjoint of <see cref="Im2Col"/>).</summary>
    /// <param name="cols">patch values, shape (N * outH * outW, C * kh * kw)</param>
    /// <param name="xShape">the image shape (N, C, H, W)</param>
    /// <param name="kh">kernel height</param>
    /// <param name="kw">kernel width</param>
    /// <param name="stride">step between windows</param>
    /// <param name="pad">zero padding on every side</param>
    /// <returns>image-shaped sums, shape (N, C, H, W)</returns>
    public static Tensor Col2Im(Tensor cols, int[] xShape, int kh, int kw, int stride, int pad)
    {
        ArgumentNullException.ThrowIfNull(cols);
        ArgumentNullException.ThrowIfNull(xShape);
        if (xShape.Length != 4)
        {
            throw new ArgumentException($"Col2Im: expected an image shape (N, C, H, W), found {ShapeMath.Format(xShape)}.");
        }

        var (n, c, h, w) = (xShape[0], xShape[1], xShape[2], xShape[3]);
        var outH = OutputSize(h, kh, stride, pad);
        var outW = OutputSize(w, kw, stride, pad);
        var patch = c * kh * kw;
        if (cols.Rank != 2 || cols.Dim(0) != n * outH * outW || cols.Dim(1) != patch)
        {
            throw new ArgumentException($"Col2Im: expected patches of shape ({n * outH * outW}, {patch}) for images {ShapeMath.Format(xShape)}, found {ShapeMath.Format(cols.Shape)}.");
        }

        var image = new double[n * c * h * w];
        var source = cols.Contiguous();
        var data = source.Buffer.AsSpan(source.Offset, n * outH * outW * patch);
        for (var img = 0; img < n; img++)
        {
            for (var oh = 0; oh < outH; oh++)
            {
                for (var ow = 0; ow < outW; ow++)
                {
                    var row = data.Slice(((img * outH + oh) * outW + ow) * patch, patch);
                    var (left, j0, j1) = WindowColumns(ow, stride, pad, kw, w);
                    if (j0 >= j1)
                    {
                        continue;
                    }

                    for (var ch = 0; ch < c; ch++)
                    {
                        var plane = image.AsSpan((img * c + ch) * h * w, h * w);
                        for (var i = 0; i < kh; i++)
                        {
                            var y = oh * stride + i - pad;
                            if ((uint)y >= (uint)h)
                            {
                                continue;
                            }

                            var src = row.Slice((ch * kh + i) * kw + j0, j1 - j0);
                            var dst = plane.Slice(y * w + left + j0, j1 - j0);
                            for (var j = 0; j < src.Length; j++)
                            {
                                dst[j] += src[j];
                            }
                        }
                    }
                }
            }
        }

        return Tensor.Wrap(image, (int[])xShape.Clone());
    }

    /// <summary>
    /// The window of output column <paramref name="ow"/> starts at image column <c>left</c>; kernel columns
    /// [j0, j1) fall inside the image (the rest are padding).
    /// </summary>
    private static (int Left, int J0, int J1) WindowColumns(int ow, int stride, int pad, int kw, int w)
    {
        var left = ow * stride - pad;
        return (left, Math.Max(0, -left), Math.Min(kw, w - left));
    }

    private static void RequireImages(Tensor x, string operation)
    {
        if (x.Rank != 4)
        {
            throw new ArgumentException($"{operation}: expected images of shape (N, C, H, W), found {ShapeMath.Format(x.Shape)}.");
        }
    }
}
