using NeuralNet.Optimizers;
using NeuralNet.Training;

namespace Autograder.Tests.Training;

public sealed class TrainerTests
{
    [Fact]
    public void Run_SeparableBlobs_ReachesHighValidationAccuracy()
    {
        var model = TinyProblem.Network(1);
        var trainer = new Trainer(model, new Sgd(0.1), new TrainingOptions { Epochs = 8, BatchSize = 10 });

        var history = trainer.Run(TinyProblem.Blobs(600, 2), TinyProblem.Blobs(200, 3), TinyProblem.Blobs(200, 4));

        Assert.Equal(8, history.Epochs.Count);
        Assert.True(history.Epochs[^1].ValAccuracy > 0.9, $"val accuracy {history.Epochs[^1].ValAccuracy}");
        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss);
        Assert.True(history.TestAccuracy > 0.9, $"test accuracy {history.TestAccuracy}");
        Assert.Equal(8 * 60, history.Updates);
    }

    [Fact]
    public void Run_SameSeed_GivesIdenticalHistory()
    {
        static TrainingHistory Train() =>
            new Trainer(TinyProblem.Network(5), new Sgd(0.05), new TrainingOptions { Epochs = 3, BatchSize = 7, Seed = 9 })
                .Run(TinyProblem.Blobs(100, 2), TinyProblem.Blobs(50, 3));

        var a = Train();
        var b = Train();

        Assert.Equal(a.Epochs.Select(e => (e.TrainLoss, e.ValAccuracy)), b.Epochs.Select(e => (e.TrainLoss, e.ValAccuracy)));
    }

    [Fact]
    public void EvaluationRows_DefaultsToTheTrainingBatchSize()
    {
        Assert.Equal(32, new TrainingOptions { BatchSize = 32 }.EvaluationRows);
        Assert.Equal(1000, new TrainingOptions { BatchSize = 5, EvaluationBatchSize = 1000 }.EvaluationRows);
        var ex = Assert.Throws<ArgumentException>(() => new TrainingOptions { EvaluationBatchSize = 0 }.Validate());
        Assert.Contains("EvaluationBatchSize must be at least 1 or null, found 0", ex.Message);
    }

    [Fact]
    public void Run_EvaluationChunkSize_ChangesNeitherAccuraciesNorMoreThanTheLastDigitsOfLosses()
    {
        TrainingHistory Train(int? rows) =>
            new Trainer(TinyProblem.Network(5), new Sgd(0.05), new TrainingOptions { Epochs = 2, BatchSize = 7, Seed = 9, EvaluationBatchSize = rows })
                .Run(TinyProblem.Blobs(100, 2), TinyProblem.Blobs(50, 3), TinyProblem.Blobs(40, 4));

        var byBatch = Train(null);
        foreach (var other in new[] { Train(1), Train(1000) })
        {
            Assert.Equal(byBatch.Epochs.Select(e => (e.TrainAccuracy, e.ValAccuracy)), other.Epochs.Select(e => (e.TrainAccuracy, e.ValAccuracy)));
            Assert.Equal(byBatch.TestAccuracy, other.TestAccuracy);
            for (var e = 0; e < byBatch.Epochs.Count; e++)
            {
                Assert.Equal(byBatch.Epochs[e].ValLoss, other.Epochs[e].ValLoss, 1e-12);
            }
        }
    }

    [Fact]
    public void Run_NoImprovement_StopsAfterPatienceEpochsAndReportsBestEpoch()
    {
        // Learning rate 0: validation accuracy never changes, so epoch 1 stays the best and epoch 1 + k fires the rule.
        var trainer = new Trainer(TinyProblem.Network(1), new Sgd(0.0), new TrainingOptions { Epochs = 10, BatchSize = 10, Patience = 2 });

        var history = trainer.Run(TinyProblem.Blobs(100, 2), TinyProblem.Blobs(50, 3));

        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(1, history.BestEpoch);
        Assert.Equal(3, history.StopEpoch);
        Assert.True(history.EarlyStopped);
    }

    [Fact]
    public void Run_EarlyStoppingOff_TrainsAllEpochsButRecordsWhereItWouldHaveStopped()
    {
        var options = new TrainingOptions { Epochs = 5, BatchSize = 10, Patience = 2, EarlyStopping = false };
        var history = new Trainer(TinyProblem.Network(1), new Sgd(0.0), options).Run(TinyProblem.Blobs(100, 2), TinyProblem.Blobs(50, 3));

        Assert.Equal(5, history.Epochs.Count);
        Assert.Equal(3, history.StopEpoch);
        Assert.False(history.EarlyStopped);
    }

    [Fact]
    public void Run_TestAccuracy_IsTheBestValidationEpochs()
    {
        var options = new TrainingOptions { Epochs = 6, BatchSize = 20, TestEveryEpoch = true };
        var history = new Trainer(TinyProblem.Network(3), new Sgd(0.5), options)
            .Run(TinyProblem.Blobs(200, 2), TinyProblem.Blobs(40, 3, spread: 0.8), TinyProblem.Blobs(300, 4, spread: 0.8));

        var best = history.Epochs[history.BestEpoch - 1];
        Assert.Equal(history.Epochs.Max(e => e.ValAccuracy), best.ValAccuracy);
        Assert.Equal(best.TestAccuracy, history.TestAccuracy);
    }

    [Fact]
    public void Run_Schedule_AppliesDecayedRateEachEpoch()
    {
        var sgd = new Sgd(1.0);
        var seen = new List<double>();
        var trainer = new Trainer(TinyProblem.Network(1), sgd, new TrainingOptions { Epochs = 5, BatchSize = 50 }, new LearningRateSchedule(0.2, 2, 0.5), lr =>
        {
            sgd.LearningRate = lr;
            seen.Add(lr);
        });

        var history = trainer.Run(TinyProblem.Blobs(100, 2), TinyProblem.Blobs(50, 3));

        Assert.Equal([0.2, 0.2, 0.1, 0.1, 0.05], seen);
        Assert.Equal(seen.Cast<double?>(), history.Epochs.Select(e => e.LearningRate));
    }

    [Fact]
    public void Run_QuickMode_LimitsBatchesAndRaisesProgress()
    {
        var progress = new List<BatchProgress>();
        var trainer = new Trainer(TinyProblem.Network(1), new Sgd(0.1), new TrainingOptions { Epochs = 2, BatchSize = 5, MaxBatchesPerEpoch = 3 });
        trainer.BatchCompleted += (_, p) => progress.Add(p);

        var history = trainer.Run(TinyProblem.Blobs(100, 2), TinyProblem.Blobs(50, 3));

        Assert.Equal(6, history.Updates);
        Assert.Equal([(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3)], progress.Select(p => (p.Epoch, p.Batch)));
        Assert.All(progress, p => Assert.Equal(3, p.Batches));
    }
}
