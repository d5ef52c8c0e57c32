using System.Buffers.Binary;
using System.IO.Compression;

namespace NeuralNet.Data;

/// <summary>
/// Reads IDX files (the MNIST format), plain or gzip-compressed; gzip is recognised by its magic bytes,
/// not by the file name. Every header field is validated and a damaged file gets an
/// <see cref="InvalidDataException"/> naming the file and what was wrong.
/// </summary>
public static class IdxReader
{
    /// <summary>Reads an idx3-ubyte image file.</summary>
    /// <param name="path">path of the file (.gz or uncompressed)</param>
    /// <returns>the images; <see cref="IdxImages.Pixels"/> has length N * rows * cols</returns>
    /// <exception cref="InvalidDataException">bad magic number, impossible dimensions, truncated or trailing data</exception>
    public static IdxImages ReadImages(string path)
    {
        using var stream = OpenMaybeGzip(path);
        var header = ReadHeader(stream, path, IdxFormat.ImagesMagic, 16, "images");
        int count = header[1], rows = header[2], cols = header[3];
        if (rows <= 0 || cols <= 0 || rows > IdxFormat.MaxSide || cols > IdxFormat.MaxSide)
        {
            throw new InvalidDataException(
                $"{path}: image size {rows} x {cols} in the header is not plausible (each side must be 1..{IdxFormat.MaxSide})");
        }

        long total = (long)count * rows * cols;
        if (total > Array.MaxLength)
        {
            throw new InvalidDataException($"{path}: header claims {count} images of {rows} x {cols}, too many to load ({total} bytes)");
        }

        var pixels = ReadBody(stream, path, (int)total, $"{count} images of {rows} x {cols} pixels");
        return new IdxImages(count, rows, cols, pixels);
    }

    /// <summary>Reads an idx1-ubyte label file.</summary>
    /// <param name="path">path of the file (.gz or uncompressed)</param>
    /// <returns>the labels, length N, one byte each</returns>
    /// <exception cref="InvalidDataException">bad magic number, truncated or trailing data</exception>
    public static byte[] ReadLabels(string path)
    {
        using var stream = OpenMaybeGzip(path);
        var header = ReadHeader(stream, path, IdxFormat.LabelsMagic, 8, "labels");
        int count = header[1];
        return ReadBody(stream, path, count, $"{count} labels");
    }

    /// <summary>Reads a pair of IDX files into a <see cref="Dataset"/> with pixels scaled to [0, 1].</summary>
    /// <param name="imagesPath">idx3-ubyte images (.gz or uncompressed)</param>
    /// <param name="labelsPath">idx1-ubyte labels with the same count</param>
    /// <param name="numClasses">labels must lie in 0..numClasses-1</param>
    /// <returns>X of shape (N, rows * cols), e.g. (N, 784); labels of length N</returns>
    /// <exception cref="InvalidDataException">a damaged file, different counts, or a label out of range</exception>
    public static Dataset ReadDataset(string imagesPath, string labelsPath, int numClasses = Dataset.DefaultClasses) =>
        Dataset.FromIdx(ReadImages(imagesPath), ReadLabels(labelsPath), imagesPath, labelsPath, numClasses);

    /// <summary>Opens <paramref name="path"/>, decompressing transparently when it starts with the gzip magic 1f 8b.</summary>
    internal static Stream OpenMaybeGzip(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: file not found", path);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        Span<byte> magic = stackalloc byte[2];
        int n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            return new BufferedStream(new GZipStream(file, CompressionMode.Decompress), 1 << 16);
        }

        return file;
    }

    /// <summary>Reads and checks a big-endian header of <paramref name="size"/> bytes (4 bytes per field).</summary>
    private static int[] ReadHeader(Stream stream, string path, int expectedMagic, int size, string kind)
    {
        var bytes = new byte[size];
        // The magic is checked before the rest of the header, so a file of the wrong kind is named as such even when it is short.
        int n = ReadFully(stream, path, bytes.AsSpan(0, 4));
        if (n == 4)
        {
            n += ReadFully(stream, path, bytes.AsSpan(4));
        }

        var fields = new int[size / 4];
        for (int i = 0; i < fields.Length; i++)
        {
            fields[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * i, 4));
        }

        if (n >= 4 && fields[0] != expectedMagic)
        {
            string hint = fields[0] == (expectedMagic ^ IdxFormat.ImagesMagic ^ IdxFormat.LabelsMagic)
                ? $" (0x{fields[0]:X8} marks an IDX {(kind == "images" ? "labels" : "images")} file: were the images and labels paths swapped?)"
                : "";
            throw new InvalidDataException(
                $"{path}: wrong magic number 0x{fields[0]:X8}, expected 0x{expectedMagic:X8} for IDX {kind}{hint}");
        }

        if (n < size)
        {
            throw new InvalidDataException($"{path}: truncated IDX header: expected {size} bytes, found {n}");
        }

        if (fields[1] < 0)
        {
            throw new InvalidDataException($"{path}: negative item count {fields[1]} in the header");
        }

        return fields;
    }

    private static byte[] ReadBody(Stream stream, string path, int length, string what)
    {
        var body = new byte[length];
        int n = ReadFully(stream, path, body);
        if (n < length)
        {
            throw new InvalidDataException(
                $"{path}: truncated: the header announces {what} ({length} bytes after the header), found only {n}");
        }

        Span<byte> probe = stackalloc byte[1];
        if (ReadFully(stream, path, probe) != 0)
        {
            throw new InvalidDataException($"{path}: unexpected data after the {what} announced by the header");
        }

        return body;
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; gzip errors get the file name.</summary>
    private static int ReadFully(Stream stream, string path, Span<byte> buffer)
    {
        try
        {
            return stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: damaged gzip data ({e.Message})", e);
        }
    }
}
