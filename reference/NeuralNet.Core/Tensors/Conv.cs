using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

        var geometry = new PatchGeometry(c, h, w, kh, kw, stride, pad);
        if (DeferredIm2Col.TryCreate(x, geometry) is { } deferred)
        {
            return deferred;
        }

        var source = x.Contiguous();
        return Tensor.Wrap(Patches(source.Buffer.AsSpan(source.Offset, n * c * h * w), n, geometry), [n * outH * outW, patch]);
    }

    /// <summary>The patch rows of n images, as a new (n * outH * outW, C * kh * kw) row-major array.</summary>
    /// <param name="images">the images, n * C * H * W values in row-major order</param>
    /// <param name="n">how many images</param>
    /// <param name="geometry">channels, image size, kernel, stride and padding</param>
    internal static double[] Patches(ReadOnlySpan<double> images, int n, PatchGeometry geometry)
    {
        // Every element is written (copied or zeroed), so the array need not be cleared first.
        var cols = GC.AllocateUninitializedArray<double>(n * geometry.ImageCells);
        for (var img = 0; img < n; img++)
        {
            ImagePatches(images.Slice(img * geometry.ImageSize, geometry.ImageSize), cols.AsSpan(img * geometry.ImageCells, geometry.ImageCells), geometry);
        }

        return cols;
    }

    /// <summary>One image's patch rows: row (oh, ow), column (c, i, j) of an (outH * outW, C * kh * kw) block.</summary>
    /// <param name="image">the image, C * H * W values</param>
    /// <param name="cols">the image's block of patch rows, outH * outW * C * kh * kw values, every one written</param>
    /// <param name="g">channels, image size, kernel, stride and padding</param>
    internal static void ImagePatches(ReadOnlySpan<double> image, Span<double> cols, PatchGeometry g)
    {
        var (c, h, w, kh, kw, stride, pad) = (g.Channels, g.Height, g.Width, g.KernelHeight, g.KernelWidth, g.Stride, g.Pad);
        var (outH, outW, patch) = (g.OutHeight, g.OutWidth, g.Patch);

        // Kernel row i of channel ch for every window of output row oh: kw values of image row y per window. Looping
        // over windows innermost keeps the image row in L1; windows wholly inside the image (all of them without
        // padding) copy kw values with vector moves, the last one overlapping, instead of a span copy per row (for a
        // 32-image HW3 batch 1.23 -> 0.44-0.46 ms; docs/performance.md, "The HW3 CNN step").
        for (var ch = 0; ch < c; ch++)
        {
            var plane = image.Slice(ch * h * w, h * w);
            for (var oh = 0; oh < outH; oh++)
            {
                for (var i = 0; i < kh; i++)
                {
                    var y = oh * stride + i - pad;
                    var first = oh * outW * patch + (ch * kh + i) * kw;
                    if (pad == 0 && kw >= Vector256<double>.Count && Vector256.IsHardwareAccelerated)
                    {
                        // No padding: every window lies inside the image (y < h, ow * stride + kw <= w).
                        CopyWindowRows(plane.Slice(y * w, w), cols.Slice(first, (outW - 1) * patch + kw), outW, stride, patch, kw);
                        continue;
                    }

                    for (var ow = 0; ow < outW; ow++)
                    {
                        var dst = cols.Slice(first + ow * patch, kw);
                        var (left, j0, j1) = WindowColumns(ow, stride, pad, kw, w);
                        if ((uint)y >= (uint)h || j0 >= j1)
                        {
                            dst.Clear();
                        }
                        else if (j0 == 0 && j1 == kw)
                        {
                            CopyShort(plane.Slice(y * w + left, kw), dst);
                        }
                        else
                        {
                            dst[..j0].Clear();
                            plane.Slice(y * w + left + j0, j1 - j0).CopyTo(dst[j0..j1]);
                            dst[j1..].Clear();
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// One image's patches as columns: row (c, i, j), column (oh, ow) of a (C * kh * kw, outH * outW) block, the
    /// transpose of <see cref="ImagePatches"/>'s block. A row holds, for every window, the same kernel cell, so without
    /// padding and with stride 1 it is outH runs of outW neighbouring pixels, copied as such.
    /// </summary>
    /// <param name="image">the image, C * H * W values</param>
    /// <param name="block">the image's patches as columns, C * kh * kw * outH * outW values, every one written</param>
    /// <param name="g">channels, image size, kernel, stride and padding</param>
    internal static void ImagePatchColumns(ReadOnlySpan<double> image, Span<double> block, PatchGeometry g)
    {
        var (h, w, kh, kw, stride, pad) = (g.Height, g.Width, g.KernelHeight, g.KernelWidth, g.Stride, g.Pad);
        var (outH, outW, positions) = (g.OutHeight, g.OutWidth, g.Positions);
        for (var ch = 0; ch < g.Channels; ch++)
        {
            var plane = image.Slice(ch * h * w, h * w);
            for (var i = 0; i < kh; i++)
            {
                for (var j = 0; j < kw; j++)
                {
                    var row = block.Slice(((ch * kh + i) * kw + j) * positions, positions);
                    for (var oh = 0; oh < outH; oh++)
                    {
                        var y = oh * stride + i - pad;
                        var run = row.Slice(oh * outW, outW);
                        if (stride == 1 && pad == 0)
                        {
                            plane.Slice(y * w + j, outW).CopyTo(run);
                            continue;
                        }

                        for (var ow = 0; ow < outW; ow++)
                        {
                            var x = ow * stride + j - pad;
                            run[ow] = (uint)y < (uint)h && (uint)x < (uint)w ? plane[y * w + x] : 0.0;
                        }
                    }
                }
            }
        }
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

        // Each pixel receives its windows' values in window order (oh, then ow), as a sum over the rows of cols in
        // order would: channels are separate planes, so taking them outermost changes no pixel's order of additions.
        for (var img = 0; img < n; img++)
        {
            for (var ch = 0; ch < c; ch++)
            {
                var plane = image.AsSpan((img * c + ch) * h * w, h * w);
                for (var oh = 0; oh < outH; oh++)
                {
                    for (var ow = 0; ow < outW; ow++)
                    {
                        var (left, j0, j1) = WindowColumns(ow, stride, pad, kw, w);
                        if (j0 >= j1)
                        {
                            continue;
                        }

                        var row = data.Slice(((img * outH + oh) * outW + ow) * patch + ch * kh * kw, kh * kw);
                        for (var i = 0; i < kh; i++)
                        {
                            var y = oh * stride + i - pad;
                            if ((uint)y < (uint)h)
                            {
                                AddShort(row.Slice(i * kw + j0, j1 - j0), plane.Slice(y * w + left + j0, j1 - j0));
                            }
                        }
                    }
                }
            }
        }

        return Tensor.Wrap(image, (int[])xShape.Clone());
    }

    /// <summary>
    /// Window ow's kw values of one image row, row[ow * stride ..], to dst[ow * patch ..] for every ow: vector moves,
    /// the last of each window overlapping the one before it.
    /// </summary>
    private static void CopyWindowRows(ReadOnlySpan<double> row, Span<double> dst, int windows, int stride, int patch, int kw)
    {
        _ = row[(windows - 1) * stride + kw - 1]; // the last window's last value: every load below is inside row
        _ = dst[(windows - 1) * patch + kw - 1];
        ref var s = ref MemoryMarshal.GetReference(row);
        ref var d = ref MemoryMarshal.GetReference(dst);
        var last = (nuint)(kw - Vector256<double>.Count);
        for (var ow = 0; ow < windows; ow++)
        {
            MoveRun(ref Unsafe.Add(ref s, ow * stride), ref Unsafe.Add(ref d, ow * patch), last);
        }
    }

    /// <summary>Copies a short run (a kernel row: a few to a few dozen values) with vector moves, the last one overlapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyShort(ReadOnlySpan<double> src, Span<double> dst)
    {
        var length = src.Length;
        if (length < Vector256<double>.Count || !Vector256.IsHardwareAccelerated)
        {
            src.CopyTo(dst);
            return;
        }

        _ = dst[length - 1]; // one bounds check for the whole run
        MoveRun(ref MemoryMarshal.GetReference(src), ref MemoryMarshal.GetReference(dst), (nuint)(length - Vector256<double>.Count));
    }

    /// <summary>Moves last + 4 values (at least 4) with vector moves, the last one overlapping; the caller checked the bounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MoveRun(ref double from, ref double to, nuint last)
    {
        for (nuint j = 0; j < last; j += (nuint)Vector256<double>.Count)
        {
            Vector256.LoadUnsafe(ref from, j).StoreUnsafe(ref to, j);
        }

        Vector256.LoadUnsafe(ref from, last).StoreUnsafe(ref to, last);
    }

    /// <summary>dst[j] += src[j] over a short run, four at a time; each element is one rounded addition, as in a scalar loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddShort(ReadOnlySpan<double> src, Span<double> dst)
    {
        var length = src.Length;
        _ = dst[length - 1];
        var j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref var s = ref MemoryMarshal.GetReference(src);
            ref var d = ref MemoryMarshal.GetReference(dst);
            for (; j + Vector256<double>.Count <= length; j += Vector256<double>.Count)
            {
                (Vector256.LoadUnsafe(ref d, (nuint)j) + Vector256.LoadUnsafe(ref s, (nuint)j)).StoreUnsafe(ref d, (nuint)j);
            }
        }

        for (; j < length; j++)
        {
            dst[j] += src[j];
        }
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
