using NeuralNet.Experiments;
using NJsonSchema;

namespace Autograder.Tests.Experiments;

public sealed class TrainingLogSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFileAsync(RepoRoot.Combine("rubrics", "schemas", "training-log.schema.json")).GetAwaiter().GetResult());

    private static ExperimentConfig Config(string yaml) => Assert.Single(ExperimentLoader.Parse(yaml, "test.yaml"));

    private static TrainingLog QuickRun(string yaml) =>
        new ExperimentRunner().Run(Config(yaml), SyntheticImages.Splits(), new RunSettings { Quick = true });

    private static readonly string[] Yamls =
    [
        "name: MLP_lr0.01_b5\nassignment: hw3\nmodel: { type: hw3-mlp, hidden: 16 }\ntraining: { batch_size: 5, patience: 3 }\nchecks: { gradient: true, magnitude: true }",
        "name: OOD_CNN\nassignment: hw3\nmodel: { type: hw3-cnn2 }\noptimizer: { type: momentum, momentum: 0.9 }\ntraining: { batch_size: 8, test_every_epoch: true }\ntest_sets: [shift_up_4, rotate_90]",
        "name: CNN_lr0.01_m0.9_w0.0_d0.5\nassignment: hw6\ndata: { dataset: mnist }\nmodel: { type: hw6-cnn, dropout: 0.5 }\noptimizer: { type: hw6, momentum: 0.9, decay_every: 1 }",
        "name: config_softmax\nassignment: a1\ndata: { dataset: mnist, validation: split }\nmodel: { type: a1-softmax }\noptimizer: { learning_rate: 0.1, l2: 0.001 }\ntraining: { batch_size: 16, drop_last: false }",
        "name: config_twolayer\nassignment: a1\ndata: { dataset: mnist, validation: split }\nmodel: { type: a1-twolayer, hidden: 8 }\noptimizer: { learning_rate: 0.1, l2: 0.001 }\ntraining: { batch_size: 16, drop_last: false }",
    ];

    public static TheoryData<string> Experiments() => [.. Yamls];

    [Theory]
    [MemberData(nameof(Experiments))]
    public void QuickRun_Log_ValidatesAgainstTheSchema(string yaml)
    {
        var json = TrainingLogJson.Serialize(QuickRun(yaml));

        var errors = Schema.Value.Validate(json);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")) + "\n" + json);
    }

    // The measured runs docs/results.md quotes (the transformer's logs have their own format).
    public static TheoryData<string> CommittedLogs() =>
    [
        .. Directory.EnumerateFiles(RepoRoot.Combine("reference", "experiments"), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoRoot.Combine("reference", "experiments"), f).Replace('\\', '/'))
            .Where(f => f.Contains("/results/", StringComparison.Ordinal) && !f.StartsWith("transformer/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(CommittedLogs))]
    public void CommittedLog_ValidatesAgainstTheSchemaAndReadsBack(string log)
    {
        var json = File.ReadAllText(RepoRoot.Combine("reference", "experiments", log));

        var errors = Schema.Value.Validate(json);

        Assert.True(errors.Count == 0, log + ":\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Equal(Path.GetFileNameWithoutExtension(log), System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void QuickRun_Hw3Mlp_RecordsFourGradientChecksThatAgree()
    {
        var log = QuickRun(Yamls[0]);

        Assert.NotNull(log.GradientChecks);
        Assert.Equal(["L1 W", "L1 b", "L2 W", "L2 b"], log.GradientChecks.Select(c => $"{c.Layer} {c.Parameter}"));
        Assert.All(log.GradientChecks, c => Assert.True(c.RelativeError < 1e-4, $"{c.Layer}.{c.Parameter}: {c.Backpropagation} vs {c.Approximation}"));
        Assert.Equal([50, 120], log.MagnitudeChecks!.Select(m => m.BatchSize));
        Assert.True(log.Quick);
        Assert.Equal(RunSettings.QuickEpochs, log.Train.Count);
        Assert.Equal(RunSettings.QuickEpochs * RunSettings.QuickBatches, log.Updates);
    }

    [Fact]
    public void Write_DivergedRun_KeepsTheNaNAndSaysWhereItStarted()
    {
        // A student whose SGD step has the wrong sign: the loss overflows, then is NaN. The kit must still write the log
        // (it crashed on NaN before) and say where the run diverged.
        var good = QuickRun(Yamls[0]);
        var log = good with { TrainLoss = [good.TrainLoss[0], double.NaN], Train = [good.Train[0], 0.1], ValLoss = [good.ValLoss[0], double.PositiveInfinity], Val = [good.Val[0], 0.1] };
        Assert.Null(TrainingLogJson.Divergence(good));
        Assert.Equal("train_loss is NaN from epoch 2", TrainingLogJson.Divergence(log));

        var dir = Directory.CreateTempSubdirectory("log-").FullName;
        try
        {
            var path = TrainingLogJson.Write(log, dir);
            Assert.Contains("\"NaN\"", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Contains("\"Infinity\"", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.True(double.IsNaN(TrainingLogJson.Read(path).TrainLoss[1]));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Write_ThenRead_RoundTripsAndUsesTheHandoutFileName()
    {
        var log = QuickRun(Yamls[2]);
        var dir = Directory.CreateTempSubdirectory("log-").FullName;
        try
        {
            var path = TrainingLogJson.Write(log, dir);
            var back = TrainingLogJson.Read(path);

            Assert.Equal("CNN_lr0.01_m0.9_w0.0_d0.5.json", Path.GetFileName(path));
            Assert.Equal(log.Val, back.Val);
            Assert.Equal(log.Config, back.Config with { TestSets = log.Config.TestSets });
            Assert.Equal([0.01, 0.001], back.LearningRate);
            Assert.Contains("\"train_loss\"", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Schema_RejectsAccuracyAboveOneAndMissingFields()
    {
        var json = TrainingLogJson.Serialize(QuickRun(Yamls[3]));
        var broken = json.Replace("\"best_epoch\"", "\"best_epoch_\"", StringComparison.Ordinal)
            .Replace("\"test\": ", "\"test\": 1.5, \"x\": ", StringComparison.Ordinal);

        var errors = Schema.Value.Validate(broken).Select(e => e.Kind.ToString()).ToList();

        Assert.Contains("PropertyRequired", errors);
        Assert.Contains("NumberTooBig", errors);
    }
}
