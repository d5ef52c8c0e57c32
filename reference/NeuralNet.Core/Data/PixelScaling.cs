namespace NeuralNet.Data;

/// <summary>Byte pixels to doubles in [0, 1], exactly as numpy's <c>x / 255.0</c>.</summary>
internal static class PixelScaling
{
    private static readonly double[] Table = BuildTable();

    /// <summary>Returns byte / 255 for every pixel (a table lookup: 256 exact divisions, done once).</summary>
    public static double[] ToUnitRange(ReadOnlySpan<byte> pixels)
    {
        var result = GC.AllocateUninitializedArray<double>(pixels.Length);
        ToUnitRange(pixels, result);
        return result;
    }

    /// <summary>Writes byte / 255 for every pixel into <paramref name="destination"/> (at least as long as the pixels).</summary>
    public static void ToUnitRange(ReadOnlySpan<byte> pixels, Span<double> destination)
    {
        var table = Table;
        destination = destination[..pixels.Length];
        for (int i = 0; i < pixels.Length; i++)
        {
            destination[i] = table[pixels[i]];
        }
    }

    private static double[] BuildTable()
    {
        var table = new double[256];
        for (int b = 0; b < 256; b++)
        {
            table[b] = b / 255.0;
        }

        return table;
    }
}
