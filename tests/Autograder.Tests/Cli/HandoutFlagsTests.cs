using System.Text.Json;
using Autograder.Cli;
using Autograder.Grader.Execution;
using NeuralNet.Experiments;

namespace Autograder.Tests.Cli;

/// <summary>
/// HW6's scripts run <c>python3 dnn_cnn.py --alpha 0.9</c>: <c>autograder train</c> (and the kit's tools/Run, which calls the
/// same <see cref="ExperimentOverrides"/>) accept the handout's flags as overrides of the experiment file, and name the log
/// as the scripts do.
/// </summary>
public sealed class HandoutFlagsTests : IDisposable
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
    private readonly string _dir = Directory.CreateTempSubdirectory("flags-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ExperimentConfig Q37() =>
        ExperimentLoader.LoadFile(Path.Combine(Root, "reference", "experiments", "hw6-dnn-cnn", "q37.yaml")).Single();

    [Fact]
    public void Apply_OverridesTheFileAndRenamesAsTheScriptsDo()
    {
        var config = ExperimentOverrides.Apply(Q37(), new Dictionary<string, string> { ["--alpha"] = "0.9", ["--lambda"] = "0.0001", ["--random_seed"] = "7", ["--num_epoch"] = "3", ["--minibatch_size"] = "10" });

        Assert.Equal("CNN_lr0.01_m0.9_w0.0001_d0.5", config.Name);
        Assert.Equal(0.9, config.Optimizer.Momentum);
        Assert.Equal(0.0001, config.Optimizer.WeightDecay);
        Assert.Equal(7UL, config.Seed);
        Assert.Equal(3, config.Training.Epochs);
        Assert.Equal(10, config.Training.BatchSize);
        Assert.Equal("CNN_lr0.001_m0.0_w1e-05_d0.0", ExperimentOverrides.Apply(Q37(), new Dictionary<string, string> { ["--learning_rate"] = "0.001", ["--lambda"] = "1e-5", ["--dropout_rate"] = "0" }).Name);
        Assert.Equal("CNN_lr0.01_m0.0_w0.0_d0.5", ExperimentOverrides.Apply(Q37(), new Dictionary<string, string>()).Name);
    }

    [Theory]
    [InlineData("--alpha", "1.5", "--alpha: expected a momentum in [0, 1), found '1.5'")]
    [InlineData("--dropout_rate", "half", "--dropout_rate: expected a dropout rate in [0, 1), found 'half'")]
    [InlineData("--num_epoch", "0", "--num_epoch: expected a whole number >= 1, found '0'")]
    [InlineData("--momentum", "0.9", "unknown flag '--momentum'; the handout's flags are --learning_rate, --alpha")]
    public void Apply_NamesTheFlagTheExpectationAndTheValue(string flag, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ExperimentOverrides.Apply(Q37(), new Dictionary<string, string> { [flag] = value }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_WithTheHandoutsAlpha_WritesTheMomentumRunUnderItsHandoutName()
    {
        var code = (int)typeof(GradeCommand).Assembly.EntryPoint!.Invoke(null,
            [new[] { "train", Path.Combine(Root, "reference", "experiments", "hw6-dnn-cnn", "q37.yaml"), "--quick", "--alpha", "0.9", "--out", _dir }])!;

        Assert.Equal(0, code);
        var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "CNN_lr0.01_m0.9_w0.0_d0.5.json"))).RootElement;
        Assert.Equal(0.9, log.GetProperty("config").GetProperty("optimizer").GetProperty("momentum").GetDouble());
        Assert.False(File.Exists(Path.Combine(_dir, "CNN_lr0.01_m0.0_w0.0_d0.5.json")));
    }

    [Fact]
    public void Train_WithABadFlagValue_ExitsTwoAndWritesNothing()
    {
        var code = (int)typeof(GradeCommand).Assembly.EntryPoint!.Invoke(null,
            [new[] { "train", Path.Combine(Root, "reference", "experiments", "hw6-dnn-cnn", "q37.yaml"), "--quick", "--dropout_rate", "1", "--out", _dir }])!;

        Assert.Equal(2, code);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir));
    }
}
