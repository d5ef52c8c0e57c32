namespace NeuralNet.Data;

/// <summary>
/// Out-of-distribution test sets for Homework 3 section 3.5: the test images moved up by 4 pixels,
/// or rotated by 90, 180 or 270 degrees. Each call returns a new data set with the same labels.
/// </summary>
public static class ImageTransforms
{
    /// <summary>
    /// Moves every image up by <paramref name="pixels"/> rows; the top rows fall off and the bottom rows
    /// become 0 (black). HW3 3.5 uses <c>ShiftUp(test, 4)</c>.
    /// </summary>
    /// <param name="data">images with X of shape (N, H * W)</param>
    /// <param name="pixels">rows to move up, 0..H (a negative value moves down)</param>
    /// <returns>X of shape (N, H * W): out[r, c] = in[r + pixels, c], or 0 outside the image</returns>
    public static Dataset ShiftUp(Dataset data, int pixels) => Shift(data, -pixels, 0);

    /// <summary>Moves every image by (<paramref name="down"/>, <paramref name="right"/>) pixels, filling the uncovered border with 0.</summary>
    /// <param name="data">images with X of shape (N, H * W)</param>
    /// <param name="down">rows to move down (negative: up)</param>
    /// <param name="right">columns to move right (negative: left)</param>
    /// <returns>X of shape (N, H * W): out[r, c] = in[r - down, c - right], or 0 outside the image</returns>
    public static Dataset Shift(Dataset data, int down, int right)
    {
        ArgumentNullException.ThrowIfNull(data);
        int h = data.ImageHeight, w = data.ImageWidth;
        return Transform(data, h, w, (r, c) =>
        {
            int sr = r - down, sc = c - right;
            return sr >= 0 && sr < h && sc >= 0 && sc < w ? sr * w + sc : -1;
        });
    }

    /// <summary>
    /// Rotates every image counter-clockwise by <paramref name="degrees"/> (a multiple of 90), like
    /// numpy's <c>rot90</c>. A 90 or 270 degree turn of an H x W image gives a W x H image.
    /// </summary>
    /// <param name="data">images with X of shape (N, H * W)</param>
    /// <param name="degrees">90, 180, 270 (any multiple of 90; negative turns clockwise)</param>
    /// <returns>X of shape (N, H * W); for 90: out[r, c] = in[c, W - 1 - r]</returns>
    /// <exception cref="ArgumentException">degrees is not a multiple of 90</exception>
    public static Dataset Rotate(Dataset data, int degrees)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (degrees % 90 != 0)
        {
            throw new ArgumentException($"Rotate: {degrees} degrees is not a multiple of 90", nameof(degrees));
        }

        int h = data.ImageHeight, w = data.ImageWidth;
        int quarterTurns = (((degrees / 90) % 4) + 4) % 4;
        return quarterTurns switch
        {
            0 => Transform(data, h, w, (r, c) => r * w + c),
            1 => Transform(data, w, h, (r, c) => c * w + (w - 1 - r)),
            2 => Transform(data, h, w, (r, c) => (h - 1 - r) * w + (w - 1 - c)),
            _ => Transform(data, w, h, (r, c) => (h - 1 - c) * w + r),
        };
    }

    /// <summary>Builds new images of outH x outW where pixel (r, c) comes from source offset map(r, c), or 0 when that is -1.</summary>
    private static Dataset Transform(Dataset data, int outH, int outW, Func<int, int, int> map)
    {
        int d = data.Features;
        var source = data.X.Contiguous().AsSpan();
        var offsets = new int[outH * outW];
        for (int r = 0; r < outH; r++)
        {
            for (int c = 0; c < outW; c++)
            {
                offsets[r * outW + c] = map(r, c);
            }
        }

        var result = new double[data.Count * d];
        for (int n = 0; n < data.Count; n++)
        {
            var image = source.Slice(n * d, d);
            var target = result.AsSpan(n * d, d);
            for (int k = 0; k < offsets.Length; k++)
            {
                target[k] = offsets[k] < 0 ? 0.0 : image[offsets[k]];
            }
        }

        return new Dataset(Tensor.Wrap(result, [data.Count, d]), (int[])data.Labels.Clone(), outH, outW, data.NumClasses);
    }
}
