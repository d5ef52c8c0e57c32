using System.Buffers.Binary;
using Autograder.Cli;
using NeuralNet.Transformer;
using ScottPlot;

namespace Autograder.Tests.Plots;

/// <summary>`autograder plot` on transformer loss logs: curves against eval_steps, several runs on one figure.</summary>
public sealed class TransformerPlotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("transformer-plot-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Results(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Golden", "hw3-fashion-mlp", "PassesAll", name + ".json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name}.json not found above the test directory");
    }

    private static TransformerRunLog Log(string name) => TransformerRunLog.Read(Results(name));

    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Fact]
    public void Curves_OneLog_TrainAndValidationAgainstEvalSteps()
    {
        var log = Log("transformer_baseline");

        var curves = global::Run.TransformerPlot.Curves([log], "all");

        Assert.Equal(["train", "validation"], curves.Select(c => c.Label));
        Assert.All(curves, c => Assert.Equal(log.EvalSteps.Select(s => (double)s), c.X));
        Assert.Equal(1499.0, curves[0].X[^1]);
        Assert.Equal(100.0, curves[0].X[1]);
        Assert.Equal(log.TrainLoss, curves[0].Y);
        Assert.Equal(log.ValLoss, curves[1].Y);
        Assert.Equal(LinePattern.Dashed, curves[1].Pattern);
    }

    [Fact]
    public void Curves_BlockSizeComparison_OneColourPerRunAndBothSplits()
    {
        var logs = new[] { "transformer_block2", "transformer_block16", "transformer_baseline", "transformer_block64" }.Select(Log).ToList();

        var curves = global::Run.TransformerPlot.Curves(logs, "all");

        Assert.Equal(8, curves.Count);
        Assert.Equal("transformer_block2 train", curves[0].Label);
        Assert.Equal("transformer_block64 validation", curves[7].Label);
        Assert.Equal(curves[0].Color, curves[1].Color);
        Assert.Equal(4, curves.Select(c => c.Color).Distinct().Count());
        Assert.Equal(logs[3].ValLoss, curves[7].Y);
        Assert.All(curves, c => Assert.Equal(16, c.X.Length));
    }

    [Fact]
    public void Curves_HeadsComparisonValidationOnly_OneCurvePerRunNamedByTheRun()
    {
        var logs = new[] { "transformer_heads2", "transformer_baseline", "transformer_heads8" }.Select(Log).ToList();

        var curves = global::Run.TransformerPlot.Curves(logs, "val");

        Assert.Equal(["transformer_heads2", "transformer_baseline", "transformer_heads8"], curves.Select(c => c.Label));
        Assert.Equal(logs[2].ValLoss, curves[2].Y);
        Assert.All(curves, c => Assert.Equal(LinePattern.Solid, c.Pattern));
    }

    [Fact]
    public void Render_BlockSizeComparison_Writes1000By600Png()
    {
        var one = global::Run.TransformerPlot.Render([Log("transformer_baseline")], Path.Combine(_dir, "one.png"), null, null, null);
        var four = global::Run.TransformerPlot.Render(new[] { "transformer_block2", "transformer_block16", "transformer_baseline", "transformer_block64" }.Select(Log).ToList(), Path.Combine(_dir, "sub", "blocks.png"), "loss", null, null);

        Assert.Equal((1000, 600), PngSize(four));
        Assert.True(new FileInfo(four).Length > new FileInfo(one).Length, "eight curves and an eight-entry legend should need more bytes than two");
    }

    [Fact]
    public void Render_AccuracyOrTestSplit_IsAnErrorNamingTheProblem()
    {
        var log = Log("transformer_baseline");

        var accuracy = Assert.Throws<ArgumentException>(() => global::Run.TransformerPlot.Render([log], Path.Combine(_dir, "a.png"), "accuracy", null, null));
        var test = Assert.Throws<ArgumentException>(() => global::Run.TransformerPlot.Render([log], Path.Combine(_dir, "t.png"), null, "test", null));

        Assert.Contains("losses only", accuracy.Message, StringComparison.Ordinal);
        Assert.Contains("train and val losses only", test.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsTransformerLog_TellsTransformerLogsFromCourseLogs()
    {
        var course = Path.Combine(_dir, "course.json");
        File.WriteAllText(course, "{\"name\": \"MLP_lr0.01_b5\", \"train\": [0.5]}");

        Assert.True(global::Run.TransformerPlot.IsTransformerLog(Results("transformer_heads8")));
        Assert.False(global::Run.TransformerPlot.IsTransformerLog(course));
        Assert.False(global::Run.TransformerPlot.IsTransformerLog(Path.Combine(_dir, "missing.json")));
    }

    [Fact]
    public void Read_LossesOfDifferentLength_NamesTheFileAndKeys()
    {
        var path = Path.Combine(_dir, "short.json");
        File.WriteAllText(path, "{\"name\": \"x\", \"eval_steps\": [0, 100], \"train_loss\": [4.1], \"val_loss\": [4.2, 3.0]}");

        var e = Assert.Throws<InvalidDataException>(() => TransformerRunLog.Read(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("eval_steps has 2 entries but train_loss has 1", e.Message, StringComparison.Ordinal);
    }
}
