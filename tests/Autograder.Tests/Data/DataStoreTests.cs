using NeuralNet.Data;

namespace Autograder.Tests.Data;

/// <summary>The data sets committed under data/: counts, ranges, checksums and the search for the folder.</summary>
public sealed class DataStoreTests
{
    private static readonly Lazy<DataSplits> Fashion = new(() => DataStore.Load("fashion-mnist"));
    private static readonly Lazy<DataSplits> Mnist = new(() => DataStore.Load("mnist"));

    [Fact]
    public void Load_FashionMnist_HasHomework3SplitsBalancedByClass()
    {
        var splits = Fashion.Value;

        AssertSplit(splits.Train, 10_000, Enumerable.Repeat(1000, 10));
        AssertSplit(splits.Validation, 2_000, Enumerable.Repeat(200, 10));
        AssertSplit(splits.Test, 10_000, Enumerable.Repeat(1000, 10));
    }

    [Fact]
    public void Load_Mnist_Has8000TrainAndBalancedValidationAndTest()
    {
        var splits = Mnist.Value;

        AssertSplit(splits.Train, 8_000, [801, 927, 791, 832, 780, 663, 814, 870, 744, 778]);
        AssertSplit(splits.Validation, 1_000, Enumerable.Repeat(100, 10));
        AssertSplit(splits.Test, 1_000, Enumerable.Repeat(100, 10));
    }

    [Fact]
    public void Load_Mnist_ImagesViewIsNx1x28x28()
    {
        var images = Mnist.Value.Test.Images();

        Assert.Equal([1000, 1, 28, 28], images.Shape);
        Assert.Equal(Mnist.Value.Test.X[5, 14 * 28 + 9], images[5, 0, 14, 9]);
    }

    [Fact]
    public void ShippedManifest_VerifiesEveryFileAndIsQuotedInTheReadme()
    {
        string dir = DataStore.FindDataDirectory();
        var manifest = ChecksumManifest.Load(dir);
        string readme = File.ReadAllText(Path.Combine(dir, "README.md"));

        Assert.Equal(19, manifest.Entries.Count);
        foreach (var (path, hash) in manifest.Entries)
        {
            manifest.Verify(path);
            Assert.Contains($"| `{path}` |", readme);
            Assert.Contains($"`{hash}`", readme);
        }
    }

    [Fact]
    public void Hw5Files_HaveHandoutShapes()
    {
        var small = CsvDataset.Read(DataStore.GetFile("hw5/smallTrain.csv"), CsvFormat.BinaryFeatures);
        var smallValidation = CsvDataset.Read(DataStore.GetFile("hw5/smallValidation.csv"), CsvFormat.BinaryFeatures);
        var tiny = CsvDataset.Read(DataStore.GetFile("hw5/tinyTrain.csv"), CsvFormat.BinaryFeatures);
        var largeValidation = CsvDataset.Read(DataStore.GetFile("hw5/largeValidation.csv"), CsvFormat.BinaryFeatures);

        Assert.Equal([500, 128], small.X.Shape);
        Assert.All(small.ClassCounts(), c => Assert.Equal(50, c));
        Assert.Equal([100, 128], smallValidation.X.Shape);
        Assert.Equal([2, 5], tiny.X.Shape);
        Assert.Equal([1000, 128], largeValidation.X.Shape);
        Assert.All(small.X.ToArray(), v => Assert.True(v is 0.0 or 1.0));
        Assert.Equal([16, 8], [small.Images(16, 8).Dim(2), small.Images(16, 8).Dim(3)]);
    }

    [Fact]
    public void Load_DamagedCopy_ThrowsNamingFileAndBothHashes()
    {
        using var copy = new TempDirectory();
        string source = DataStore.FindDataDirectory();
        File.Copy(Path.Combine(source, ChecksumManifest.FileName), copy.File(ChecksumManifest.FileName));
        foreach (string file in Directory.GetFiles(Path.Combine(source, "mnist")))
        {
            File.Copy(file, copy.File("mnist/" + Path.GetFileName(file)));
        }

        string victim = copy.File("mnist/val-labels-idx1-ubyte.gz");
        byte[] bytes = File.ReadAllBytes(victim);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(victim, bytes);
        string expected = ChecksumManifest.Load(copy.Path).Entries["mnist/val-labels-idx1-ubyte.gz"];

        var e = Assert.Throws<InvalidDataException>(() => DataStore.Load("mnist", copy.Path));

        Assert.Contains("Checksum mismatch for mnist/val-labels-idx1-ubyte.gz", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Contains(ChecksumManifest.ComputeSha256(victim), e.Message);
    }

    [Fact]
    public void Load_UnknownName_ListsTheShippedSets()
    {
        var e = Assert.Throws<ArgumentException>(() => DataStore.Load("cifar10"));

        Assert.Contains("unknown data set 'cifar10'; expected one of fashion-mnist, mnist", e.Message);
    }

    [Fact]
    public void FindDataDirectory_FolderWithoutManifest_Throws()
    {
        using var empty = new TempDirectory();

        var e = Assert.Throws<DirectoryNotFoundException>(() => DataStore.FindDataDirectory(empty.Path));

        Assert.Contains($"{empty.Path} (from the folder passed in) has no checksums.sha256", e.Message);
    }

    private static void AssertSplit(Dataset split, int count, IEnumerable<int> perClass)
    {
        Assert.Equal([count, 784], split.X.Shape);
        Assert.Equal(count, split.Count);
        Assert.Equal(perClass, split.ClassCounts());
        Assert.Equal((28, 28), (split.ImageHeight, split.ImageWidth));
        Assert.Equal(0.0, split.X.Min());
        Assert.Equal(1.0, split.X.Max());
    }
}
