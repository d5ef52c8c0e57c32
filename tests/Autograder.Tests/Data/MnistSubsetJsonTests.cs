using NeuralNet.Data;

namespace Autograder.Tests.Data;

public sealed class MnistSubsetJsonTests : IDisposable
{
    private const string Valid = "[[[0.5, 1, 0]], [2]]";
    private const string Test = "[[[0, 0, 0.25], [1, 1, 1]], [9, 0]]";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteFile(string train, string valid = Valid, string test = Test) =>
        _dir.Write("mnist_subset.json", $"{{\"train\": {train}, \"valid\": {valid}, \"test\": {test}}}");

    [Fact]
    public void Read_GoodFile_GivesTrainValidTestSplits()
    {
        string path = WriteFile("[[[0, 0.1, 0.2], [1, 0.9, 0.8], [0, 0, 0]], [3, 4, 5]]");

        var splits = MnistSubsetJson.Read(path);

        Assert.Equal([3, 3], splits.Train.X.Shape);
        Assert.Equal([3, 4, 5], splits.Train.Labels);
        Assert.Equal(0.9, splits.Train.X[1, 1]);
        Assert.Equal([2], splits.Validation.Labels);
        Assert.Equal(0.5, splits.Validation.X[0, 0]);
        Assert.Equal([9, 0], splits.Test.Labels);
        Assert.Equal(0.25, splits.Test.X[0, 2]);
    }

    [Fact]
    public void Read_RaggedRow_NamesSplitRowAndLengths()
    {
        string path = WriteFile("[[[0, 0, 0], [1, 1]], [3, 4]]");

        var e = Assert.Throws<InvalidDataException>(() => MnistSubsetJson.Read(path));

        Assert.Equal($"{path} \"train\" X[1]: expected 3 values (as in {path} \"train\" X[0]), found 2", e.Message);
    }

    [Fact]
    public void Read_WidthDiffersBetweenSplits_IsRejected()
    {
        string path = WriteFile("[[[0, 0, 0, 0]], [3]]");

        var e = Assert.Throws<InvalidDataException>(() => MnistSubsetJson.Read(path));

        Assert.Equal($"{path} \"valid\" X[0]: expected 4 values (as in the first split), found 3", e.Message);
    }

    [Fact]
    public void Read_LabelOutOfRange_NamesIndex()
    {
        string path = WriteFile("[[[0, 0, 0], [1, 1, 1]], [3, 10]]");

        var e = Assert.Throws<InvalidDataException>(() => MnistSubsetJson.Read(path));

        Assert.Equal($"{path} \"train\" y[1]: label 10 out of range 0..9", e.Message);
    }

    [Fact]
    public void Read_NonNumericPixel_NamesRowAndColumn()
    {
        string path = WriteFile("[[[0, \"a\", 0]], [3]]");

        var e = Assert.Throws<InvalidDataException>(() => MnistSubsetJson.Read(path));

        Assert.Equal($"{path} \"train\" X[0][1]: expected a number, found \"a\"", e.Message);
    }

    [Fact]
    public void Read_PixelOutsideUnitRange_IsRejected()
    {
        string path = WriteFile("[[[0, 255, 0]], [3]]");

        var e = Assert.Throws<InvalidDataException>(() => MnistSubsetJson.Read(path));

        Assert.Equal($"{path} \"train\" X[0][1]: value 255 out of range [0, 1]", e.Message);
    }

    [Fact]
    public void Read_MoreRowsThanLabels_GivesBothCounts()
    {
        string path = WriteFile("[[[0, 0, 0], [1, 1, 1]], [3]]");

        var e = Assert.Throws<InvalidDataException>(() => MnistSubsetJson.Read(path));

        Assert.Equal($"{path} \"train\": X has 2 rows but y has 1 labels", e.Message);
    }

    [Fact]
    public void Read_MissingKey_NamesIt()
    {
        string path = _dir.Write("mnist_subset.json", $"{{\"train\": {Valid}, \"validation\": {Valid}, \"test\": {Test}}}");

        var e = Assert.Throws<InvalidDataException>(() => MnistSubsetJson.Read(path));

        Assert.Equal($"{path}: missing key \"valid\" (expected \"train\", \"valid\" and \"test\")", e.Message);
    }

    [Fact]
    public void Read_MalformedJson_GivesLine()
    {
        string path = _dir.Write("mnist_subset.json", "{\"train\":\n [[[0, 0,, 0]], [3]]}");

        var e = Assert.Throws<InvalidDataException>(() => MnistSubsetJson.Read(path));

        Assert.StartsWith($"{path}: malformed JSON at line 2,", e.Message);
    }

    [Fact]
    public void Read_SplitNotAPair_SaysWhatWasFound()
    {
        string path = WriteFile("[[[0, 0, 0]], [3], []]");

        var e = Assert.Throws<InvalidDataException>(() => MnistSubsetJson.Read(path));

        Assert.Equal($"{path} \"train\": expected a list [X, y] of two elements, found a list of 3", e.Message);
    }
}
