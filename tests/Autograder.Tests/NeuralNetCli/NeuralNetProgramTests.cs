using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Autograder.Tests.Experiments;
using NeuralNet.Data;
using NeuralNet.Models.Hw5;

namespace Autograder.Tests.NeuralNetCli;

/// <summary>Runs the HW5 `neuralnet` program as a process on tiny CSV files written by the tests.</summary>
public sealed partial class NeuralNetProgramTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("neuralnet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string ProgramDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = RepoRoot.Combine("reference", "NeuralNetCli", "bin", configuration, "net10.0", "neuralnet.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing; build reference/NeuralNetCli");
        return dll;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(ProgramDll());
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "neuralnet did not finish within 60 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private string Csv(string name, params int[][] rows)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, rows.Select(r => string.Join(",", r)));
        return path;
    }

    private (string Train, string Validation) TinyFiles() => (
        Csv("train.csv", [3, 0, 1, 1, 0], [7, 1, 0, 0, 1], [3, 0, 1, 0, 0], [0, 1, 1, 1, 1], [7, 1, 0, 1, 1], [3, 0, 0, 1, 0]),
        Csv("valid.csv", [3, 0, 1, 1, 1], [7, 1, 0, 0, 0], [0, 1, 1, 0, 1]));

    private string[] Outputs(string train, string validation, string epochs, string hidden, string init, string lr) =>
        [train, validation, Path.Combine(_dir, "train.labels"), Path.Combine(_dir, "valid.labels"), Path.Combine(_dir, "metrics.txt"), epochs, hidden, init, lr];

    [Fact]
    public void Run_TinyFiles_WritesMetricsInTheHandoutFormatAndMatchesTheLibrary()
    {
        var (train, validation) = TinyFiles();

        var (code, stdout, stderr) = Run(Outputs(train, validation, "3", "4", "2", "0.1"));

        Assert.True(code == 0, stderr);
        Assert.Equal("", stdout);
        var lines = File.ReadAllLines(Path.Combine(_dir, "metrics.txt"));
        Assert.Equal(8, lines.Length);
        Assert.Matches(MetricLine(), lines[0]);
        Assert.StartsWith("epoch=1 crossentropy(train): ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("epoch=1 crossentropy(validation): ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("epoch=3 crossentropy(validation): ", lines[5], StringComparison.Ordinal);
        Assert.Matches(@"^error\(train\): [0-9.]+$", lines[6]);
        Assert.Matches(@"^error\(validation\): [0-9.]+$", lines[7]);

        // Oracle: the same network trained in-process, per example in file order, ZERO init.
        var trainSet = CsvDataset.Read(train, CsvFormat.BinaryFeatures);
        var net = new Hw5Network(4, 4, 10, Hw5Init.Zero, new NeuralNet.Rng(1));
        for (var e = 0; e < 3; e++)
        {
            net.TrainEpoch(trainSet.X, trainSet.Labels, 0.1);
        }

        var expected = net.MeanCrossEntropy(trainSet.X, trainSet.Labels);
        Assert.Equal(expected, double.Parse(lines[4]["epoch=3 crossentropy(train): ".Length..], CultureInfo.InvariantCulture), 10);
        var predicted = File.ReadAllLines(Path.Combine(_dir, "train.labels")).Select(int.Parse).ToArray();
        Assert.Equal(net.PredictAll(trainSet.X), predicted);
        var error = predicted.Zip(trainSet.Labels).Count(p => p.First != p.Second) / 6.0;
        Assert.Equal(error, double.Parse(lines[6]["error(train): ".Length..], CultureInfo.InvariantCulture), 10);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_dir, "valid.labels")).Length);
    }

    [Fact]
    public void Run_ZeroInitOneEpochZeroRate_PredictsClassZeroWithUniformLoss()
    {
        var (train, validation) = TinyFiles();

        var (code, _, stderr) = Run(Outputs(train, validation, "1", "2", "2", "1e-300"));

        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Path.Combine(_dir, "metrics.txt"));
        Assert.Equal($"epoch=1 crossentropy(train): {Math.Log(10).ToString("G12", CultureInfo.InvariantCulture)}", lines[0]);
        Assert.All(File.ReadAllLines(Path.Combine(_dir, "train.labels")), l => Assert.Equal("0", l));
        Assert.Equal("error(train): 0.833333333333", lines[2]);
    }

    [Theory]
    [InlineData(5, "0", "num_epoch", "a positive integer", "'0'")]
    [InlineData(6, "many", "hidden_units", "a positive integer", "'many'")]
    [InlineData(7, "3", "init_flag", "1 (RANDOM) or 2 (ZERO)", "'3'")]
    [InlineData(8, "fast", "learning_rate", "a positive number", "'fast'")]
    [InlineData(1, "missing.csv", "validation_input", "an existing CSV file", "'missing.csv' (no such file)")]
    public void Run_BadArgument_ExitsTwoNamingArgumentExpectedAndFound(int index, string value, string name, string expected, string found)
    {
        var (train, validation) = TinyFiles();
        var args = Outputs(train, validation, "1", "2", "1", "0.1");
        args[index] = value;
        var position = Array.IndexOf(["train_input", "validation_input", "train_out", "validation_out", "metrics_out", "num_epoch", "hidden_units", "init_flag", "learning_rate"], name) + 1;
        var (code, stdout, stderr) = Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains($"argument {position} ({name}): expected {expected}, found {found}", stderr);
        Assert.Contains("usage: neuralnet <train_input>", stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "metrics.txt")));
    }

    [Fact]
    public void Run_WrongArgumentCount_ExitsTwo()
    {
        var (code, _, stderr) = Run("only", "two");

        Assert.Equal(2, code);
        Assert.Contains("expected 9 arguments, found 2", stderr);
    }

    [Fact]
    public void Run_MalformedCsv_ExitsOneNamingFileAndLine()
    {
        var (train, _) = TinyFiles();
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, "3,0,1,1,0\n7,1,0\n");

        var (code, _, stderr) = Run(Outputs(train, bad, "1", "2", "1", "0.1"));

        Assert.Equal(1, code);
        Assert.Contains("bad.csv line 2", stderr);
    }

    [GeneratedRegex(@"^epoch=\d+ crossentropy\((train|validation)\): \d+\.\d+$")]
    private static partial Regex MetricLine();
}
