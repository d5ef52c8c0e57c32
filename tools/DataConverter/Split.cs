namespace DataConverter;

/// <summary>One split of a data set as written to IDX: images concatenated row-major, one label per image.</summary>
/// <param name="Pixels">N * 784 bytes</param>
/// <param name="Labels">N labels 0..9</param>
internal sealed record Split(byte[] Pixels, byte[] Labels)
{
    public int Count => Labels.Length;

    public ReadOnlySpan<byte> Image(int i) => Pixels.AsSpan(i * SourceImages.PixelsPerImage, SourceImages.PixelsPerImage);

    /// <summary>Number of images of each class 0..9.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[SourceImages.Classes];
        foreach (byte label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <summary>The images at <paramref name="indices"/>, in that order.</summary>
    public Split Select(IReadOnlyList<int> indices)
    {
        int size = SourceImages.PixelsPerImage;
        var pixels = new byte[indices.Count * size];
        var labels = new byte[indices.Count];
        for (int k = 0; k < indices.Count; k++)
        {
            Image(indices[k]).CopyTo(pixels.AsSpan(k * size, size));
            labels[k] = Labels[indices[k]];
        }

        return new Split(pixels, labels);
    }
}
