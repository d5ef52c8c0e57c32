using System.Buffers.Binary;
using NeuralNet.Data;

namespace Autograder.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadDataset_GzipFiles_ScalesPixelsTo01AndKeepsLabels()
    {
        string images = _dir.Write("img.gz", IdxBytes.Gzip(IdxBytes.Images(3, 2, 3, (n, k) => (byte)(n * 100 + k))));
        string labels = _dir.Write("lab.gz", IdxBytes.Gzip(IdxBytes.Labels(7, 0, 9)));

        var data = IdxReader.ReadDataset(images, labels);

        Assert.Equal([3, 6], data.X.Shape);
        Assert.Equal([7, 0, 9], data.Labels);
        Assert.Equal((2, 3), (data.ImageHeight, data.ImageWidth));
        Assert.Equal(205 / 255.0, data.X[2, 5]);
        Assert.Equal(0.0, data.X[0, 0]);
        Assert.Equal([3, 1, 2, 3], data.Images().Shape);
    }

    [Fact]
    public void ReadImages_UncompressedFile_IsReadLikeGzip()
    {
        byte[] payload = IdxBytes.Images(2, 2, 2, (n, k) => (byte)(10 * n + k));
        var plain = IdxReader.ReadImages(_dir.Write("plain-idx3-ubyte", payload));
        var gzip = IdxReader.ReadImages(_dir.Write("gz-idx3-ubyte.gz", IdxBytes.Gzip(payload)));

        Assert.Equal(plain.Pixels, gzip.Pixels);
        Assert.Equal([0, 1, 2, 3, 10, 11, 12, 13], plain.Pixels);
    }

    [Fact]
    public void ReadImages_WrongMagic_NamesFileAndBothMagicNumbers()
    {
        byte[] payload = IdxBytes.Images(1, 2, 2, (_, _) => 0);
        BinaryPrimitives.WriteInt32BigEndian(payload, 0x00000C03);
        string path = _dir.Write("bad-magic.gz", IdxBytes.Gzip(payload));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("wrong magic number 0x00000C03, expected 0x00000803", e.Message);
    }

    [Fact]
    public void ReadImages_GivenALabelFile_SaysItIsTheOtherKind()
    {
        string path = _dir.Write("labels.gz", IdxBytes.Gzip(IdxBytes.Labels(1, 2, 3)));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("0x00000801", e.Message);
        Assert.Contains("marks an IDX labels file: were the images and labels paths swapped?", e.Message);
    }

    [Fact]
    public void ReadImages_TruncatedGzip_NamesFileAndProblem()
    {
        byte[] gz = IdxBytes.Gzip(IdxBytes.Images(50, 28, 28, (n, k) => (byte)((n * 31 + k * 7) % 256)));
        string path = _dir.Write("truncated.gz", gz[..(gz.Length / 2)]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.StartsWith(path + ": ", e.Message);
        Assert.Matches("truncated|damaged gzip", e.Message);
    }

    [Fact]
    public void ReadImages_TruncatedBody_SaysHowManyBytesWereExpectedAndFound()
    {
        byte[] payload = IdxBytes.Images(4, 2, 2, (_, _) => 1);
        string path = _dir.Write("short-idx3-ubyte", payload[..^3]);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Equal($"{path}: truncated: the header announces 4 images of 2 x 2 pixels (16 bytes after the header), found only 13", e.Message);
    }

    [Fact]
    public void ReadImages_TruncatedHeader_IsReported()
    {
        string path = _dir.Write("header.gz", IdxBytes.Gzip([0, 0, 8, 3, 0, 0]));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("truncated IDX header: expected 16 bytes, found 6", e.Message);
    }

    [Fact]
    public void ReadImages_DataAfterTheAnnouncedImages_IsRejected()
    {
        byte[] payload = [.. IdxBytes.Images(2, 2, 2, (_, _) => 0), 42];
        string path = _dir.Write("long-idx3-ubyte", payload);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("unexpected data after the 2 images", e.Message);
    }

    [Fact]
    public void ReadImages_ImplausibleDimensions_AreRejectedBeforeAllocating()
    {
        byte[] payload = IdxBytes.Images(1, 2, 2, (_, _) => 0);
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(8), 100_000);
        string path = _dir.Write("huge-idx3-ubyte", payload);

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(path));

        Assert.Contains("image size 100000 x 2", e.Message);
    }

    [Fact]
    public void ReadDataset_CountMismatch_NamesBothFilesAndCounts()
    {
        string images = _dir.Write("img.gz", IdxBytes.Gzip(IdxBytes.Images(3, 2, 2, (_, _) => 0)));
        string labels = _dir.Write("lab.gz", IdxBytes.Gzip(IdxBytes.Labels(1, 2)));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadDataset(images, labels));

        Assert.Equal($"{images} has 3 images but {labels} has 2 labels", e.Message);
    }

    [Fact]
    public void ReadDataset_LabelOutOfRange_NamesFileIndexAndValue()
    {
        string images = _dir.Write("img.gz", IdxBytes.Gzip(IdxBytes.Images(3, 2, 2, (_, _) => 0)));
        string labels = _dir.Write("lab.gz", IdxBytes.Gzip(IdxBytes.Labels(1, 12, 2)));

        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadDataset(images, labels));

        Assert.Equal($"{labels}: label 12 at index 1 is out of range 0..9", e.Message);
    }

    [Fact]
    public void ReadLabels_MissingFile_NamesIt()
    {
        string path = _dir.File("nope.gz");

        var e = Assert.Throws<FileNotFoundException>(() => IdxReader.ReadLabels(path));

        Assert.Contains(path, e.Message);
    }
}
