using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuralNet.Data;

namespace Autograder.Grader.Checks;

/// <summary>
/// A data set's values as pixel bytes, for sending images to the worker at a byte a value instead of eight: the bytes b
/// with b / 255.0 (the image loaders' scaling, <see cref="PixelScaling"/>) bit for bit equal to each value, or null when
/// some value is not such a pixel. The log re-run (<c>ExperimentReplay.AddTrainPixels</c>) and the accuracy check's
/// <c>let-rows</c> (with <see cref="Table"/>) send them.
/// </summary>
internal static class PixelRows
{
    private static readonly ConditionalWeakTable<Dataset, Holder> Cache = new();

    /// <summary>The scaling for the 256 byte values, as raw little-endian float64 (2,048 bytes): what a byte stands for.</summary>
    public static byte[] Table { get; } =
        MemoryMarshal.AsBytes(PixelScaling.ToUnitRange([.. Enumerable.Range(0, 256).Select(b => (byte)b)]).AsSpan()).ToArray();

    /// <summary>The set's pixel bytes (row-major, <c>Features</c> a row), or null when its values are not all byte / 255; worked out once per set.</summary>
    public static byte[]? For(Dataset set) => Cache.GetValue(set, Of).Bytes;

    private static Holder Of(Dataset set)
    {
        // A set read from image files still holds its bytes: send those, without building X and scaling it back.
        if (set.PixelBytes is { } bytes)
        {
            return new Holder(bytes);
        }

        var values = set.X.ToArray();
        var pixels = new byte[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var scaled = Math.Round(values[i] * 255.0);
            if (scaled is < 0 or > 255 || BitConverter.DoubleToInt64Bits(scaled / 255.0) != BitConverter.DoubleToInt64Bits(values[i]))
            {
                return new Holder(null);
            }

            pixels[i] = (byte)scaled;
        }

        return new Holder(pixels);
    }

    private sealed record Holder(byte[]? Bytes);
}
