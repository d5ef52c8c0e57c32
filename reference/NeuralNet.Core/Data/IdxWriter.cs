using System.Buffers.Binary;

namespace NeuralNet.Data;

/// <summary>Writes uncompressed IDX files (the MNIST format); wrap the stream in a compressor for .gz files.</summary>
public static class IdxWriter
{
    /// <summary>Writes an idx3-ubyte image file: big-endian magic, count, rows, cols, then the pixel bytes.</summary>
    /// <param name="destination">stream to write to (left open)</param>
    /// <param name="images">the images; Pixels must hold Count * Rows * Cols bytes</param>
    public static void WriteImages(Stream destination, IdxImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        long expected = (long)images.Count * images.Rows * images.Cols;
        if (images.Pixels.Length != expected)
        {
            throw new ArgumentException(
                $"WriteImages: {images.Count} images of {images.Rows} x {images.Cols} need {expected} pixel bytes, found {images.Pixels.Length}",
                nameof(images));
        }

        WriteHeader(destination, IdxFormat.ImagesMagic, images.Count, images.Rows, images.Cols);
        destination.Write(images.Pixels);
    }

    /// <summary>Writes an idx1-ubyte label file: big-endian magic and count, then one byte per label.</summary>
    /// <param name="destination">stream to write to (left open)</param>
    /// <param name="labels">labels, length N, each 0..255</param>
    public static void WriteLabels(Stream destination, ReadOnlySpan<byte> labels)
    {
        WriteHeader(destination, IdxFormat.LabelsMagic, labels.Length);
        destination.Write(labels);
    }

    private static void WriteHeader(Stream destination, params ReadOnlySpan<int> fields)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Span<byte> bytes = stackalloc byte[4 * fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.Slice(4 * i, 4), fields[i]);
        }

        destination.Write(bytes);
    }
}
