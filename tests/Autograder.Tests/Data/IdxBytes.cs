using System.IO.Compression;
using NeuralNet.Data;

namespace Autograder.Tests.Data;

/// <summary>Builds small IDX files in memory for the reader tests.</summary>
internal static class IdxBytes
{
    public static byte[] Images(int count, int rows, int cols, Func<int, int, byte> pixel)
    {
        var pixels = new byte[count * rows * cols];
        for (int n = 0; n < count; n++)
        {
            for (int k = 0; k < rows * cols; k++)
            {
                pixels[n * rows * cols + k] = pixel(n, k);
            }
        }

        using var stream = new MemoryStream();
        IdxWriter.WriteImages(stream, new IdxImages(count, rows, cols, pixels));
        return stream.ToArray();
    }

    public static byte[] Labels(params byte[] labels)
    {
        using var stream = new MemoryStream();
        IdxWriter.WriteLabels(stream, labels);
        return stream.ToArray();
    }

    public static byte[] Gzip(byte[] payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }
}
