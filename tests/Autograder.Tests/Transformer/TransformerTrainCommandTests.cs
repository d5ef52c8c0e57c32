using System.Text.Json;
using Autograder.Cli;
using NeuralNet.Experiments;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

/// <summary>`autograder train` on transformer experiment files: detection, a short run on the real sonnets, and bad input.</summary>
public sealed class TransformerTrainCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("transformer-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Experiments(string sub) => Path.Combine(RepositoryRoot(), "reference", "experiments", sub);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "reference", "experiments", "transformer")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("reference/experiments/transformer not found above the test directory");
    }

    [Fact]
    public void Run_BaselineWithThreeSteps_WritesTheLogOfAShortRunThatStartsLikeTheCommittedOne()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = TransformerTrain.Run(Path.Combine(Experiments("transformer"), "baseline.yaml"), _dir, maxSteps: 3, quick: false, epochs: null, dataDir: null, output, error);

        Assert.True(code == 0, error.ToString());
        using var log = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "transformer_baseline.json")));
        using var committed = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Golden", "hw3-fashion-mlp", "PassesAll", "transformer_baseline.json")));
        var root = log.RootElement;
        Assert.Equal("transformer_baseline", root.GetProperty("name").GetString());
        Assert.Equal(3, root.GetProperty("config").GetProperty("training").GetProperty("max_iters").GetInt32());
        Assert.Equal(62, root.GetProperty("config").GetProperty("model").GetProperty("vocab_size").GetInt32());
        Assert.Equal(109_758, root.GetProperty("parameters").GetInt32());
        Assert.Equal([0, 2], root.GetProperty("eval_steps").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, root.GetProperty("train_loss").GetArrayLength());
        Assert.Equal(2, root.GetProperty("val_loss").GetArrayLength());
        // Step 0 is evaluated before any update with the same seeded batches, so it is the committed run's step 0.
        Assert.Equal(committed.RootElement.GetProperty("train_loss")[0].GetDouble(), root.GetProperty("train_loss")[0].GetDouble(), 9);
        Assert.Equal(committed.RootElement.GetProperty("val_loss")[0].GetDouble(), root.GetProperty("val_loss")[0].GetDouble(), 9);
        Assert.Equal(committed.RootElement.GetProperty("samples_before")[0].GetString(), root.GetProperty("samples_before")[0].GetString());
        Assert.Equal(301, root.GetProperty("samples_after")[0].GetString()!.Length);
        Assert.True(root.GetProperty("train_loss")[1].GetDouble() < root.GetProperty("train_loss")[0].GetDouble(), "two AdamW steps should lower the training loss");
        Assert.Contains("transformer_baseline step 2: train loss", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("wrote " + Path.Combine(_dir, "transformer_baseline.json"), output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TrainCommand_TransformerFile_IsRunAsATransformerExperiment()
    {
        var code = TrainCommand.Run(Path.Combine(Experiments("transformer"), "heads2.yaml"), _dir, new RunSettings { Quick = true }, dataDir: null, interactive: false);

        Assert.Equal(0, code);
        var log = TransformerRunLog.Read(Path.Combine(_dir, "transformer_heads2.json"));
        Assert.Equal(TransformerTrain.QuickSteps, log.Config.Training.MaxIters);
        Assert.Equal(2, log.Config.Model.NHead);
        Assert.Equal([0, TransformerTrain.QuickSteps - 1], log.EvalSteps);
    }

    [Fact]
    public void Run_UnknownKey_NamesFileLineAndKeyAndWritesNothing()
    {
        var path = Path.Combine(_dir, "typo.yaml");
        File.WriteAllText(path, "name: typo\nmodel:\n  n_embd: 32\ntraining:\n  max_itrs: 10\n");
        var error = new StringWriter();

        var code = TransformerTrain.Run(path, _dir, maxSteps: 2, quick: false, epochs: null, dataDir: null, TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.Contains($"{path}:5: training.max_itrs: unknown key; expected one of: batch_size, learning_rate, weight_decay, max_iters", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "typo.json")));
    }

    [Theory]
    [InlineData("name: x\nmodel:\n  n_embd: sixty\n", ":3: model.n_embd: expected an integer, found 'sixty'")]
    [InlineData("name: x\nmodel:\n  n_embd: 64\n  n_head: 3\n", ":4: model.n_head: must be positive and divide n_embd (64), found 3.")]
    [InlineData("name: x\nsampling:\n  max_new_tokens: 5\ntraining:\n  batch_size: 0\n", ":5: training.batch_size: must be positive, found 0.")]
    public void Run_InvalidValue_NamesFileLineAndKey(string yaml, string expected)
    {
        var path = Path.Combine(_dir, "bad.yaml");
        File.WriteAllText(path, yaml);
        var error = new StringWriter();

        Assert.Equal(2, TransformerTrain.Run(path, _dir, null, false, null, null, TextWriter.Null, error));
        Assert.Contains(path + expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EpochsOnATransformerExperiment_IsRejected()
    {
        var error = new StringWriter();

        Assert.Equal(2, TransformerTrain.Run(Path.Combine(Experiments("transformer"), "baseline.yaml"), _dir, null, false, epochs: 2, null, TextWriter.Null, error));
        Assert.Contains("--epochs", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("use --max-steps N", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TrainCommand_MaxStepsOnACourseExperiment_IsRejectedBeforeTraining()
    {
        var code = TrainCommand.Run(Path.Combine(Experiments("hw3-fashion-mlp"), "mlp_lr0.01_b5.yaml"), _dir, new RunSettings(), null, false, maxSteps: 3);

        Assert.Equal(2, code);
        Assert.Empty(Directory.EnumerateFiles(_dir));
    }

    [Fact]
    public void IsTransformerExperiment_TellsTheShippedFilesApart()
    {
        var transformer = Directory.GetFiles(Experiments("transformer"), "*.yaml");
        var course = new[] { "hw3-fashion-mlp", "hw6-dnn-cnn", "a1-mnist-softmax" }.SelectMany(a => Directory.GetFiles(Experiments(a), "*.y*ml")).ToList();

        Assert.Equal(6, transformer.Length);
        Assert.All(transformer, f => Assert.True(TransformerExperimentConfig.IsTransformerExperiment(File.ReadAllText(f)), f));
        Assert.True(course.Count >= 10);
        Assert.All(course, f => Assert.False(TransformerExperimentConfig.IsTransformerExperiment(File.ReadAllText(f)), f));
        Assert.False(TransformerExperimentConfig.IsTransformerExperiment("model: [unclosed"));
        var deep = "model:\n  n_embd: " + new string('[', NeuralNet.Experiments.YamlGuard.MaxDepth + 2) + new string(']', NeuralNet.Experiments.YamlGuard.MaxDepth + 2) + "\n";
        Assert.False(TransformerExperimentConfig.IsTransformerExperiment(deep));
    }
}
