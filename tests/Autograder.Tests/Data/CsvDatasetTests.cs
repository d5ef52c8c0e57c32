using NeuralNet.Data;

namespace Autograder.Tests.Data;

public sealed class CsvDatasetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string PixelRow(int label, int count, int value = 0) =>
        label + string.Concat(Enumerable.Repeat("," + value, count));

    [Fact]
    public void Read_MnistPixels_ScalesBy255AndKeepsLabels()
    {
        string path = _dir.Write("train.csv", PixelRow(3, 784, 255) + "\n" + PixelRow(0, 784) + "\n");

        var data = CsvDataset.Read(path, CsvFormat.MnistPixels);

        Assert.Equal([2, 784], data.X.Shape);
        Assert.Equal([3, 0], data.Labels);
        Assert.Equal(1.0, data.X[0, 783]);
        Assert.Equal(0.0, data.X[1, 0]);
        Assert.Equal((28, 28), (data.ImageHeight, data.ImageWidth));
    }

    [Fact]
    public void Read_BinaryFeatures_InfersWidthFromFirstLineAndAcceptsCrlf()
    {
        string path = _dir.Write("tinyTrain.csv", "9,0,1,1,1,1\r\n5,0,1,1,1,0\r\n\r\n");

        var data = CsvDataset.Read(path, CsvFormat.BinaryFeatures);

        Assert.Equal([2, 5], data.X.Shape);
        Assert.Equal([9, 5], data.Labels);
        Assert.Equal([0.0, 1, 1, 1, 0], data.X.Slice(1, 1).ToArray());
    }

    [Fact]
    public void Read_ShortRow_NamesFileLineAndCounts()
    {
        string path = _dir.Write("train.csv", PixelRow(1, 784) + "\n" + PixelRow(2, 784) + "\n" + PixelRow(3, 783) + "\n");

        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(path, CsvFormat.MnistPixels));

        Assert.Equal($"{path} line 3: expected 785 values (label + 784 pixels), found 784", e.Message);
    }

    [Fact]
    public void Read_RaggedRowWithInferredWidth_SaysWidthCameFromFirstLine()
    {
        string path = _dir.Write("small.csv", "1,0,1,0\n2,1,1\n");

        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(path, CsvFormat.BinaryFeatures));

        Assert.Equal($"{path} line 2: expected 4 values (label + 3 features, as on the first line), found 3", e.Message);
    }

    [Fact]
    public void Read_LabelOutOfRange_NamesLineAndLabel()
    {
        string path = _dir.Write("small.csv", "1,0,1\n12,1,1\n");

        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(path, CsvFormat.BinaryFeatures));

        Assert.Equal($"{path} line 2: label 12 out of range 0..9", e.Message);
    }

    [Fact]
    public void Read_NonNumericValue_NamesLineAndColumn()
    {
        string path = _dir.Write("small.csv", "1,0,1\n2,1,x\n");

        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(path, CsvFormat.BinaryFeatures));

        Assert.Equal($"{path} line 2, column 3: 'x' is not a number", e.Message);
    }

    [Fact]
    public void Read_ValueAboveMaximum_IsRejected()
    {
        string path = _dir.Write("train.csv", PixelRow(1, 783) + ",300\n");

        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(path, CsvFormat.MnistPixels));

        Assert.Equal($"{path} line 1, column 785: value 300 out of range [0, 255]", e.Message);
    }

    [Fact]
    public void Read_HeaderLine_GetsAHint()
    {
        string path = _dir.Write("train.csv", "label,a,b\n1,0,1\n");

        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(path, CsvFormat.BinaryFeatures));

        Assert.Equal($"{path} line 1: label 'label' is not an integer (files must not have a header line)", e.Message);
    }

    [Fact]
    public void Read_FractionalLabel_IsRejected()
    {
        string path = _dir.Write("train.csv", "1,0,1\n2.5,0,1\n");

        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(path, CsvFormat.BinaryFeatures));

        Assert.Equal($"{path} line 2: label '2.5' is not an integer", e.Message);
    }

    [Fact]
    public void Read_BlankLineBetweenRows_NamesIt()
    {
        string path = _dir.Write("train.csv", "1,0,1\n\n2,0,1\n");

        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(path, CsvFormat.BinaryFeatures));

        Assert.Equal($"{path} line 2: empty line between data lines", e.Message);
    }

    [Fact]
    public void Read_EmptyFile_SaysThereAreNoRows()
    {
        string path = _dir.Write("empty.csv", "\n");

        var e = Assert.Throws<InvalidDataException>(() => CsvDataset.Read(path, CsvFormat.BinaryFeatures));

        Assert.Equal($"{path}: no data lines", e.Message);
    }
}
