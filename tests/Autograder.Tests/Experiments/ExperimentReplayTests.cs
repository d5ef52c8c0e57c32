using System.Text.Json;
using NeuralNet;
using NeuralNet.Data;
using NeuralNet.Experiments;

namespace Autograder.Tests.Experiments;

/// <summary>
/// ExperimentReplay (what the grader's log check calls in the worker) must give exactly the first epochs of the run the
/// log came from: the same runner, config and seed, with the data sent in chunks.
/// </summary>
public sealed class ExperimentReplayTests
{
    private static readonly DataSplits Fashion = DataStore.Load("fashion-mnist", RepoRoot.Combine("data"));

    private static ExperimentConfig Hw3Config() =>
        ExperimentLoader.LoadFile(RepoRoot.Combine("reference", "experiments", "hw3-fashion-mlp", "mlp_lr0.01_b5.yaml")).Single();

    [Fact]
    public void FirstEpochs_EqualsTheRunnersLog_WhateverTheChunking()
    {
        var config = Hw3Config();
        var log = new ExperimentRunner().Run(config, Fashion, new RunSettings { Quick = true, Epochs = 2 });

        var replay = new ExperimentReplay(28, 28, 10);
        foreach (var (set, add) in new[] { (Fashion.Train, (Action<Tensor, int[]>)replay.AddTrain), (Fashion.Validation, replay.AddValidation) })
        {
            // Uneven chunks, as a host may send them.
            for (var start = 0; start < set.Count; start += 3001)
            {
                var n = Math.Min(3001, set.Count - start);
                add(set.X.Slice(start, n), set.Labels[start..(start + n)]);
            }
        }

        var values = replay.FirstEpochs(JsonSerializer.Serialize(config, TrainingLogJson.Options), quick: true, epochs: 2);

        Assert.Equal(2 * ExperimentReplay.ValuesPerEpoch, values.Length);
        for (var e = 0; e < 2; e++)
        {
            Assert.Equal(log.Train[e], values[(4 * e) + 0]);
            Assert.Equal(log.Val[e], values[(4 * e) + 1]);
            Assert.Equal(log.TrainLoss[e], values[(4 * e) + 2]);
            Assert.Equal(log.ValLoss[e], values[(4 * e) + 3]);
        }
    }

    [Fact]
    public void AddPixels_GivesTheSameRunAsTheDoubles()
    {
        // The grader sends image data as pixel bytes (an eighth of the doubles); the worker must scale them back bit for bit.
        var config = JsonSerializer.Serialize(Hw3Config(), TrainingLogJson.Options);
        var byDoubles = new ExperimentReplay(28, 28, 10);
        byDoubles.AddTrain(Fashion.Train.X.Slice(0, 400), Fashion.Train.Labels[..400]);
        byDoubles.AddValidation(Fashion.Validation.X.Slice(0, 100), Fashion.Validation.Labels[..100]);
        var byPixels = new ExperimentReplay(28, 28, 10);
        foreach (var (set, rows, add) in new[] { (Fashion.Train, 400, (Action<byte[], int[]>)byPixels.AddTrainPixels), (Fashion.Validation, 100, byPixels.AddValidationPixels) })
        {
            for (var start = 0; start < rows; start += 150)
            {
                var n = Math.Min(150, rows - start);
                var pixels = set.X.Slice(start, n).ToArray().Select(v => (byte)Math.Round(v * 255)).ToArray();
                add(pixels, set.Labels[start..(start + n)]);
            }
        }

        Assert.Equal(byDoubles.FirstEpochs(config, quick: true, epochs: 1), byPixels.FirstEpochs(config, quick: true, epochs: 1));
        var ragged = Assert.Throws<ArgumentException>(() => byPixels.AddTrainPixels(new byte[785], [0]));
        Assert.Contains("expected 1 rows of 784 pixels, found 785 bytes", ragged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstEpochs_ReproducesTheCommittedReferenceLog()
    {
        // The log PassesAll submits was written by a full run of this config; its first epoch must come back exactly.
        var logged = JsonDocument.Parse(File.ReadAllText(RepoRoot.Combine("tests", "Golden", "hw3-fashion-mlp", "PassesAll", "MLP_lr0.01_b5.json"))).RootElement;
        var replay = new ExperimentReplay(28, 28, 10);
        replay.AddTrain(Fashion.Train.X, Fashion.Train.Labels);
        replay.AddValidation(Fashion.Validation.X, Fashion.Validation.Labels);

        var values = replay.FirstEpochs(logged.GetProperty("config").GetRawText(), quick: false, epochs: 1);

        Assert.Equal(logged.GetProperty("train")[0].GetDouble(), values[0]);
        Assert.Equal(logged.GetProperty("val")[0].GetDouble(), values[1]);
        Assert.Equal(logged.GetProperty("train_loss")[0].GetDouble(), values[2], 1e-12);
        Assert.Equal(logged.GetProperty("val_loss")[0].GetDouble(), values[3], 1e-12);
    }

    [Fact]
    public void FirstEpochs_NamesABadConfigAndMissingData()
    {
        var replay = new ExperimentReplay(28, 28, 10);
        var noData = Assert.Throws<InvalidOperationException>(() => replay.FirstEpochs("{}", quick: true, epochs: 1));
        Assert.Contains("training and validation rows", noData.Message, StringComparison.Ordinal);

        replay.AddTrain(Fashion.Train.X.Slice(0, 10), Fashion.Train.Labels[..10]);
        replay.AddValidation(Fashion.Validation.X.Slice(0, 10), Fashion.Validation.Labels[..10]);
        var bad = Assert.Throws<InvalidDataException>(() => replay.FirstEpochs("{\"seed\": \"forty-two\"}", quick: true, epochs: 1));
        Assert.Contains("the log's config is not an experiment config", bad.Message, StringComparison.Ordinal);

        var wrongWidth = Assert.Throws<ArgumentException>(() => replay.AddTrain(Tensor.Zeros(2, 5), [0, 1]));
        Assert.Contains("expected rows of shape (2, 784), found (2, 5)", wrongWidth.Message, StringComparison.Ordinal);
    }
}
