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
        var cols = new double[n * outH * outW * patch];
        var source = x.Contiguous();
        var data = source.Buffer;
        var offset = source.Offset;
        for (var img = 0; img < n; img++)
        {
            for (var oh = 0; oh < outH; oh++)
            {
                for (var ow = 0; ow < outW; ow++)
                {
                    var row = ((img * outH + oh) * outW + ow) * patch;
                    for (var ch = 0; ch < c; ch++)
                    {
                        var plane = offset + (img * c + ch) * h * w;
                        for (var i = 0; i < kh; i++)
                        {
                            var y = oh * stride + i - pad;
                            var column = row + (ch * kh + i) * kw;
                            if ((uint)y >= (uint)h)
                            {
                                continue;
                            }

                            for (var j = 0; j < kw; j++)
                            {
                                var xx = ow * stride + j - pad;
                                if ((uint)xx < (uint)w)
                                {
                                    cols[column + j] = data[plane + y * w + xx];
                                }
                            }
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
        var data = source.Buffer;
        var offset = source.Offset;
        for (var img = 0; img < n; img++)
        {
            for (var oh = 0; oh < outH; oh++)
            {
                for (var ow = 0; ow < outW; ow++)
                {
                    var row = offset + ((img * outH + oh) * outW + ow) * patch;
                    for (var ch = 0; ch < c; ch++)
                    {
                        var plane = (img * c + ch) * h * w;
                        for (var i = 0; i < kh; i++)
                        {
                            var y = oh * stride + i - pad;
                            if ((uint)y >= (uint)h)
                            {
                                continue;
                            }

                            var column = row + (ch * kh + i) * kw;
                            for (var j = 0; j < kw; j++)
                            {
                                var xx = ow * stride + j - pad;
                                if ((uint)xx < (uint)w)
                                {
                                    image[plane + y * w + xx] += data[column + j];
                                }
                            }
                        }
                    }
                }
            }
        }

        return Tensor.Wrap(image, (int[])xShape.Clone());
    }

    private static void RequireImages(Tensor x, string operation)
    {
        if (x.Rank != 4)
        {
            throw new ArgumentException($"{operation}: expected images of shape (N, C, H, W), found {ShapeMath.Format(x.Shape)}.");
        }
    }
}
