using System.Text.Json;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class TransformerExperimentTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("transformer-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A quick mode: a one-block model with short context, enough steps to learn character frequencies.</summary>
    private static TransformerExperimentConfig Quick(string name = "quick") => new()
    {
        Name = name,
        Seed = 5,
        Model = new TransformerConfig { NEmbd = 16, NHead = 2, NLayer = 1, BlockSize = 8 },
        Training = new TransformerTrainingOptions { BatchSize = 8, LearningRate = 3e-3, MaxIters = 150, EvalInterval = 50, EvalIters = 4 },
        Sampling = new TransformerSamplingOptions { MaxNewTokens = 40 },
    };

    [Fact]
    public void Run_QuickMode_LossDecreasesAndLogIsWritten()
    {
        var result = TransformerExperiment.Run(Quick(), _dir);
        var log = result.Log;
        Assert.Equal([0, 50, 100, 149], log.EvalSteps);
        Assert.Equal(4, log.TrainLoss.Count);
        Assert.Equal(4, log.ValLoss.Count);
        // From about ln(62) = 4.1 at initialisation to well below it once frequencies are learned.
        Assert.InRange(log.TrainLoss[0], 3.6, 4.8);
        Assert.True(log.TrainLoss[^1] < log.TrainLoss[0] - 0.8, $"train loss {log.TrainLoss[0]:F3} -> {log.TrainLoss[^1]:F3}");
        Assert.True(log.ValLoss[^1] < log.ValLoss[0] - 0.8, $"val loss {log.ValLoss[0]:F3} -> {log.ValLoss[^1]:F3}");
        Assert.Equal(41, log.SamplesBefore[0].Length);
        Assert.Equal(41, log.SamplesAfter[0].Length);
        Assert.NotEqual(log.SamplesBefore[0], log.SamplesAfter[0]);
        Assert.Equal(Path.Combine(_dir, "quick.json"), result.LogPath);

        using var json = JsonDocument.Parse(File.ReadAllText(result.LogPath));
        var root = json.RootElement;
        Assert.Equal("quick", root.GetProperty("name").GetString());
        Assert.Equal(5UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(8, root.GetProperty("config").GetProperty("model").GetProperty("block_size").GetInt32());
        Assert.Equal(62, root.GetProperty("config").GetProperty("model").GetProperty("vocab_size").GetInt32());
        Assert.Equal(150, root.GetProperty("config").GetProperty("training").GetProperty("max_iters").GetInt32());
        // 62 x 16 + 8 x 16 embeddings, one block (768 + 272 + 2128 + 64), final norm 32, head 16 x 62 + 62.
        Assert.Equal(5438, root.GetProperty("parameters").GetInt32());
        Assert.Equal(4, root.GetProperty("train_loss").GetArrayLength());
        Assert.Equal(log.ValLoss[^1], root.GetProperty("val_loss")[3].GetDouble());
        Assert.Equal(149, root.GetProperty("eval_steps")[3].GetInt32());
        Assert.Equal(log.SamplesAfter[0], root.GetProperty("samples_after")[0].GetString());
        Assert.StartsWith("\n", root.GetProperty("samples_before")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SameConfigTwice_GivesIdenticalLogs()
    {
        var config = Quick() with { Training = Quick().Training with { MaxIters = 20, EvalInterval = 10 } };
        var first = File.ReadAllText(TransformerExperiment.Run(config, Path.Combine(_dir, "a")).LogPath);
        var second = File.ReadAllText(TransformerExperiment.Run(config, Path.Combine(_dir, "b")).LogPath);
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("baseline.yaml", "transformer_baseline", 32, 4)]
    [InlineData("block2.yaml", "transformer_block2", 2, 4)]
    [InlineData("block16.yaml", "transformer_block16", 16, 4)]
    [InlineData("block64.yaml", "transformer_block64", 64, 4)]
    [InlineData("heads2.yaml", "transformer_heads2", 32, 2)]
    [InlineData("heads8.yaml", "transformer_heads8", 32, 8)]
    public void LoadYaml_ShippedExperiments_DifferFromBaselineOnlyInTheirVariable(string file, string name, int blockSize, int heads)
    {
        var folder = ExperimentsFolder();
        var baseline = TransformerExperimentConfig.LoadYaml(Path.Combine(folder, "baseline.yaml"));
        var config = TransformerExperimentConfig.LoadYaml(Path.Combine(folder, file));
        Assert.Equal(name, config.Name);
        Assert.Equal(blockSize, config.Model.BlockSize);
        Assert.Equal(heads, config.Model.NHead);
        Assert.Equal(baseline.Training, config.Training);
        Assert.Equal(baseline.Sampling, config.Sampling);
        Assert.Equal(baseline.Model with { BlockSize = blockSize, NHead = heads }, config.Model);
    }

    private static string ExperimentsFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "reference", "experiments", "transformer");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("reference/experiments/transformer not found above the test directory");
    }

    [Fact]
    public void ParseYaml_UnknownKey_NamesSource()
    {
        var e = Assert.Throws<InvalidDataException>(() => TransformerExperimentConfig.ParseYaml("name: x\nmodel:\n  n_embed: 64\n", "bad.yaml"));
        Assert.Contains("bad.yaml", e.Message, StringComparison.Ordinal);
        Assert.Contains("n_embed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseYaml_HeadsNotDividingEmbedding_NamesField()
    {
        var e = Assert.Throws<InvalidDataException>(() => TransformerExperimentConfig.ParseYaml("model:\n  n_embd: 64\n  n_head: 3\n", "heads3.yaml"));
        Assert.Contains("heads3.yaml:3: model.n_head: must be positive and divide n_embd (64), found 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseYaml_UnsafeName_IsRejected()
    {
        var e = Assert.Throws<InvalidDataException>(() => TransformerExperimentConfig.ParseYaml("name: ../escape\n", "x.yaml"));
        Assert.Contains("x.yaml:1: name: must be non-empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_VocabSizeDisagreeingWithData_Throws()
    {
        var config = Quick() with { Model = Quick().Model with { VocabSize = 65 } };
        var e = Assert.Throws<ArgumentException>(() => TransformerExperiment.Run(config, _dir));
        Assert.Contains("the data has 62 characters", e.Message, StringComparison.Ordinal);
    }
}
