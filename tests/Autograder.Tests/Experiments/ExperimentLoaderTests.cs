using NeuralNet.Experiments;

namespace Autograder.Tests.Experiments;

public sealed class ExperimentLoaderTests
{
    private const string Valid = """
        name: MLP_lr0.01_b5
        assignment: hw3-fashion-mlp
        model:
          type: hw3-mlp
          hidden: 64
        training:
          batch_size: 5
          patience: 3
        """;

    [Fact]
    public void Parse_ValidFile_BindsValuesAndKeepsDefaults()
    {
        var config = Assert.Single(ExperimentLoader.Parse(Valid, "mlp.yaml"));

        Assert.Equal("MLP_lr0.01_b5", config.Name);
        Assert.Equal(64, config.Model.Hidden);
        Assert.Equal(3, config.Training.Patience);
        Assert.Equal(10, config.Training.Epochs);
        Assert.Equal(0.01, config.Optimizer.LearningRate);
        Assert.Equal("fashion-mnist", config.Data.Dataset);
        Assert.Equal(42UL, config.Seed);
    }

    [Fact]
    public void Parse_UnknownKey_NamesFilePathLineAndKnownKeys()
    {
        var text = Valid + "\n  batchsize: 7\n";

        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentLoader.Parse(text, "hw3/mlp.yaml"));

        Assert.StartsWith("hw3/mlp.yaml:9: training.batchsize: unknown key", e.Message);
        Assert.Contains("batch_size", e.Message);
    }

    [Fact]
    public void Parse_WrongType_NamesPathLineAndExpectedType()
    {
        var text = Valid.Replace("batch_size: 5", "batch_size: five", StringComparison.Ordinal);

        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentLoader.Parse(text, "mlp.yaml"));

        Assert.Equal("mlp.yaml:7: training.batch_size: expected an integer, found 'five'", e.Message);
    }

    [Fact]
    public void Parse_UnknownModelType_NamesLineAndChoices()
    {
        var text = Valid.Replace("type: hw3-mlp", "type: resnet", StringComparison.Ordinal);

        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentLoader.Parse(text, "mlp.yaml"));

        Assert.StartsWith("mlp.yaml:4: model.type: expected one of a1-softmax, a1-twolayer, hw3-cnn2, hw3-cnn3, hw3-mlp, hw6-cnn, hw6-cnn2, hw6-lr, hw6-mlp,", e.Message);
        Assert.Contains("found 'resnet'", e.Message);
    }

    [Fact]
    public void Parse_OutOfRangeValue_NamesPathAndValue()
    {
        var text = Valid.Replace("patience: 3", "patience: 0", StringComparison.Ordinal);

        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentLoader.Parse(text, "mlp.yaml"));

        Assert.Equal("mlp.yaml:8: training.patience: expected at least 1 epoch or no value, found 0", e.Message);
    }

    [Fact]
    public void Parse_Sweep_GivesOneRunPerValueWithTheValueInTheName()
    {
        var text = Valid.Replace("MLP_lr0.01_b5", "MLP_lr0.01_b{value}", StringComparison.Ordinal)
            + "\nsweep:\n  key: training.batch_size\n  values: [5, 50, 500]\n";

        var runs = ExperimentLoader.Parse(text, "sweep.yaml");

        Assert.Equal(["MLP_lr0.01_b5", "MLP_lr0.01_b50", "MLP_lr0.01_b500"], runs.Select(r => r.Name));
        Assert.Equal([5, 50, 500], runs.Select(r => r.Training.BatchSize));
        Assert.All(runs, r => Assert.Null(r.Sweep));
    }

    [Fact]
    public void Parse_SweepValueOfWrongType_NamesItsLine()
    {
        var text = Valid.Replace("MLP_lr0.01_b5", "MLP_b{value}", StringComparison.Ordinal)
            + "\nsweep:\n  key: training.batch_size\n  values:\n    - 5\n    - big\n";

        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentLoader.Parse(text, "sweep.yaml"));

        Assert.Equal("sweep.yaml:13: sweep.values[1]: expected an integer for training.batch_size, found 'big'", e.Message);
    }

    [Fact]
    public void Parse_EmptyFile_SaysWhatIsExpected()
    {
        var e = Assert.Throws<ExperimentConfigException>(() => ExperimentLoader.Parse("", "empty.yaml"));

        Assert.Contains("empty.yaml", e.Message);
        Assert.Contains("name", e.Message);
    }

    public static TheoryData<string> ShippedFiles() =>
        // The folders of the seed assignments this runner serves (other folders, e.g. transformer/, have their own runners).
        [.. new[] { "hw3-fashion-mlp", "hw6-dnn-cnn", "a1-mnist-softmax" }
            .SelectMany(folder => Directory.GetFiles(RepoRoot.Combine("reference", "experiments", folder), "*.y*ml"))
            .Select(f => System.IO.Path.GetRelativePath(RepoRoot.Path, f))];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void LoadFile_ShippedExperiment_IsValidAndNamedAfterItsFolder(string relativePath)
    {
        var runs = ExperimentLoader.LoadFile(RepoRoot.Combine(relativePath));

        Assert.NotEmpty(runs);
        var folder = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(relativePath));
        Assert.All(runs, r => Assert.Equal(folder, r.Assignment));
    }

    [Fact]
    public void LoadFile_Hw6Experiments_WriteTheSevenLogNamesOfTheHandout()
    {
        var names = Directory.GetFiles(RepoRoot.Combine("reference", "experiments", "hw6-dnn-cnn"), "*.yaml")
            .SelectMany(ExperimentLoader.LoadFile).Select(r => r.Name + ".json").Order();

        Assert.Equal(
            [
                "CNN2_lr0.001_m0.9_w0.0_d0.5.json", "CNN_lr0.01_m0.0_w0.0_d0.5.json", "CNN_lr0.01_m0.9_w0.0_d0.5.json",
                "LR_lr0.01_m0.0_w0.0_d0.0.json", "MLP_lr0.01_m0.0_w0.0_d0.0.json", "MLP_lr0.01_m0.0_w0.0_d0.5.json",
                "MLP_lr0.01_m0.0_w0.0_d0.95.json",
            ],
            names);
    }
}
