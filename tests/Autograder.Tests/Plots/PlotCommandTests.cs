using System.Buffers.Binary;
using Autograder.Cli;
using NeuralNet.Experiments;

namespace Autograder.Tests.Plots;

public sealed class PlotCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("plot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TrainingLog Log(string name, double offset, bool testCurve = false, int? stopEpoch = null)
    {
        double[] Curve(double start) => [.. Enumerable.Range(0, 10).Select(e => Math.Min(0.99, start + offset + (0.02 * e)))];
        double[] Loss(double start) => [.. Enumerable.Range(0, 10).Select(e => (start - offset) / (1 + e))];
        return new TrainingLog
        {
            Name = name,
            Assignment = "hw3-fashion-mlp",
            Config = new ExperimentConfig { Name = name, Assignment = "hw3-fashion-mlp", Training = new TrainingConfig { Patience = 3 } },
            Seed = 42,
            Quick = false,
            Parameters = 101770,
            Train = Curve(0.7),
            Val = Curve(0.68),
            TrainLoss = Loss(1.0),
            ValLoss = Loss(1.1),
            TestCurve = testCurve ? Curve(0.67) : null,
            LearningRate = [.. Enumerable.Repeat(0.01, 10)],
            EpochSeconds = [.. Enumerable.Repeat(1.0, 10)],
            Updates = 20000,
            BestEpoch = 7,
            StopEpoch = stopEpoch,
            EarlyStopped = false,
            Test = 0.84,
            TestLoss = 0.45,
        };
    }

    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    private static int Cli(params string[] args) => (int)typeof(PlotCommand).Assembly.EntryPoint!.Invoke(null, [args])!;

    [Fact]
    public void Plot_Hw5MetricsFile_DrawsItsCrossEntropyPerEpoch()
    {
        // HW5's empirical questions plot the neuralnet program's metrics files (kit: tools/Run plot; here autograder plot, same code).
        var metrics = Path.Combine(_dir, "lr0.01_metrics.txt");
        File.WriteAllLines(metrics,
        [
            "epoch=1 crossentropy(train): 2.22928589019", "epoch=1 crossentropy(validation): 2.22898352394",
            "epoch=2 crossentropy(train): 1.74048946834", "epoch=2 crossentropy(validation): 1.773846632",
            "epoch=3 crossentropy(train): 1.34745750638", "epoch=3 crossentropy(validation): 1.41231986876",
            "error(train): 0.456", "error(validation): 0.48",
        ]);

        var log = Run.MetricsFile.Read(metrics);
        Assert.Equal([2.22928589019, 1.74048946834, 1.34745750638], log.TrainLoss);
        Assert.Equal([2.22898352394, 1.773846632, 1.41231986876], log.ValLoss);
        Assert.Equal(0, Cli("plot", metrics, "--metric", "loss", "-o", Path.Combine(_dir, "lr.png")));
        Assert.Equal((1100, 600), PngSize(Path.Combine(_dir, "lr.png")));

        Assert.NotEqual(0, Cli("plot", metrics, "-o", Path.Combine(_dir, "acc.png")));
        Assert.False(File.Exists(Path.Combine(_dir, "acc.png")));
    }

    [Fact]
    public void Plot_Hw5HiddenUnits_DrawsLastEpochCrossEntropyPerHiddenUnitCount()
    {
        // HW5 empirical 1 (a): average train and validation cross-entropy against hidden units, one metrics file per count.
        foreach (var (units, train, validation) in new[] { (20, 0.9, 1.1), (5, 1.5, 1.6) })
        {
            File.WriteAllLines(Path.Combine(_dir, $"hidden{units}_metrics.txt"),
                ["epoch=1 crossentropy(train): 2.0", "epoch=1 crossentropy(validation): 2.1",
                 $"epoch=2 crossentropy(train): {train}", $"epoch=2 crossentropy(validation): {validation}", "error(train): 0.3", "error(validation): 0.35"]);
        }

        var png = Path.Combine(_dir, "hidden.png");
        Assert.Equal(0, Cli("plot", Path.Combine(_dir, "hidden20_metrics.txt"), Path.Combine(_dir, "hidden5_metrics.txt"), "--against", "hidden_units", "-o", png));

        var stamp = System.Text.Json.JsonDocument.Parse(Autograder.Grader.Checks.Kinds.PlotCheck.StampText(File.ReadAllBytes(png))!).RootElement;
        Assert.Equal("hidden_units", stamp.GetProperty("x").GetString());
        // Ordered by hidden units, the last epoch's values: (5, 1.5) (20, 0.9) for training, (5, 1.6) (20, 1.1) for validation.
        Assert.Equal([(5.0, 1.5), (20.0, 0.9), (5.0, 1.6), (20.0, 1.1)],
            stamp.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("x").GetDouble(), p.GetProperty("y").GetDouble())));
        var unnamed = Path.Combine(_dir, "run_metrics.txt");
        File.Copy(Path.Combine(_dir, "hidden5_metrics.txt"), unnamed);
        var e = Assert.Throws<ArgumentException>(() => Run.Plotter.RenderHiddenUnits([unnamed, Path.Combine(_dir, "hidden20_metrics.txt")], png, null));
        Assert.StartsWith($"{unnamed}: the number of hidden units is read from the file name (hidden<N>_metrics.txt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricsFile_NamesTheBadLine()
    {
        var metrics = Path.Combine(_dir, "bad_metrics.txt");
        File.WriteAllLines(metrics, ["epoch=1 crossentropy(train): 2.2", "epoch=3 crossentropy(validation): 2.2"]);

        var error = Assert.Throws<InvalidDataException>(() => Run.MetricsFile.Read(metrics));
        Assert.Contains("bad_metrics.txt:2: expected epoch 1 of crossentropy(validation), found epoch 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OneLogWithTestCurveAndStop_WritesA1100By600Png()
    {
        var path = PlotCommand.Render([Log("MLP_lr0.01_b5_30epochs", 0, testCurve: true, stopEpoch: 5)], Path.Combine(_dir, "sub", "curves.png"), "accuracy", null, null);

        Assert.Equal((1100, 600), PngSize(path));
        Assert.True(new FileInfo(path).Length > 20_000, $"only {new FileInfo(path).Length} bytes: the figure looks empty");
    }

    [Fact]
    public void Render_FiveMomentumRuns_TrainingLossOnOneFigure()
    {
        var logs = new[] { 0.1, 0.3, 0.5, 0.7, 0.9 }.Select(a => Log($"MLP_lr0.01_b5_alpha{a}", a / 10)).ToList();
        var one = PlotCommand.Render(logs.Take(1).ToList(), Path.Combine(_dir, "one.png"), "loss", "train", null);
        var five = PlotCommand.Render(logs, Path.Combine(_dir, "five.png"), "loss", null, null);

        Assert.Equal((1100, 600), PngSize(five));
        Assert.True(new FileInfo(five).Length > new FileInfo(one).Length, "five curves and a five-entry legend should need more bytes than one");
    }

    [Fact]
    public void Render_TestSplitWithoutTestCurve_ThrowsNamingTheLog()
    {
        var e = Assert.Throws<ArgumentException>(() => PlotCommand.Render([Log("MLP_lr0.01_b5", 0)], Path.Combine(_dir, "x.png"), "accuracy", "test", null));

        Assert.Contains("MLP_lr0.01_b5", e.Message);
        Assert.Contains("test_every_epoch", e.Message);
    }
}
