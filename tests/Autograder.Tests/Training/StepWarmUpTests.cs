using Autograder.Tests.Experiments;
using NeuralNet.Data;
using NeuralNet.Experiments;
using NeuralNet.Models.A1;
using NeuralNet.Training;

namespace Autograder.Tests.Training;

/// <summary>
/// <c>autograder train</c> and a kit's tools/Run run NeuralNet.Core's own step code on a background thread during the
/// set-up, so the first epoch does not compile it (issue 19). It must share nothing with the run: a run with it must
/// give the log a run without it gives, to the last bit; and it must run no module's code (a student's).
/// </summary>
public sealed class StepWarmUpTests
{
    private static readonly string DataRoot = RepoRoot.Combine("data");

    private static ExperimentConfig Hw3Config() =>
        ExperimentLoader.LoadFile(RepoRoot.Combine("reference", "experiments", "hw3-fashion-mlp", "mlp_lr0.01_b5.yaml")).Single();

    [Fact]
    public void ARunWithTheWarmUp_EqualsTheRunWithout_ChecksIncluded()
    {
        var settings = new RunSettings { Quick = true, Epochs = 2 };
        var warm = new ExperimentRunner { WarmUpSteps = 32, FinishWarmUpBeforeTraining = true };

        // All 32 steps: they run while the checks run, and the run waits for the last of them.
        var with = warm.Run(Hw3Config(), DataStore.Load("fashion-mnist", DataRoot), settings);
        var without = new ExperimentRunner().Run(Hw3Config(), DataStore.Load("fashion-mnist", DataRoot), settings);

        Assert.Equal(32, warm.LastWarmUpSteps);
        Assert.Equal(without.Train, with.Train);
        Assert.Equal(without.Val, with.Val);
        Assert.Equal(without.TrainLoss, with.TrainLoss);
        Assert.Equal(without.ValLoss, with.ValLoss);
        Assert.Equal(without.Test, with.Test);
        Assert.Equal(without.TestLoss, with.TestLoss);
        Assert.Equal(
            without.GradientChecks!.Select(g => (g.Backpropagation, g.Approximation)),
            with.GradientChecks!.Select(g => (g.Backpropagation, g.Approximation)));
        Assert.Equal(without.MagnitudeChecks!.Select(m => m.L1Norm), with.MagnitudeChecks!.Select(m => m.L1Norm));
    }

    [Fact]
    public void TheWarmUp_BuildsNoModule()
    {
        // The reference's modules, with the experiment's model type built through a counter: the run builds its one
        // network; a warm-up that trained a copy of it (a student's layers, in a kit) would build a second.
        var catalog = CourseCatalog.From(typeof(A1Module).Assembly);
        var builds = 0;
        catalog.AddModel("counted-hw3-mlp", (model, rng, inputs, classes) =>
        {
            Interlocked.Increment(ref builds);
            return catalog.CreateModel(model with { Type = "hw3-mlp" }, rng, inputs, classes);
        });
        var config = Hw3Config() with { Model = Hw3Config().Model with { Type = "counted-hw3-mlp" } };

        var runner = new ExperimentRunner(catalog) { WarmUpSteps = 32, FinishWarmUpBeforeTraining = true };
        runner.Run(config, DataStore.Load("fashion-mnist", DataRoot), new RunSettings { Quick = true, Epochs = 1 });

        Assert.Equal(32, runner.LastWarmUpSteps);
        Assert.Equal(1, builds);
    }

    [Fact]
    public void TheWarmUp_OnlyReadsTheTrainingSet()
    {
        var train = DataStore.Load("fashion-mnist", DataRoot).Validation;
        var pixels = train.PixelBytes!.ToArray();
        var labels = train.Labels.ToArray();

        var warmUp = StepWarmUp.StartLibraryOnly(train, batchSize: 5, steps: 3);
        warmUp.Finish();

        Assert.Equal(3, warmUp.StepsTaken);
        Assert.True(train.HasPixelsOnly, "the warm-up built the training set's X");
        Assert.Equal(pixels, train.PixelBytes);
        Assert.Equal(labels, train.Labels);
    }

    [Fact]
    public async Task Join_StopsTheSteps_AtTheNextStep()
    {
        var train = DataStore.Load("fashion-mnist", DataRoot).Validation;
        var warmUp = StepWarmUp.StartLibraryOnly(train, batchSize: 5, steps: int.MaxValue);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (warmUp.StepsTaken < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        // Without the stop, Join would wait for int.MaxValue steps: it must return within the time limit.
        await Task.Run(warmUp.Join).WaitAsync(TimeSpan.FromSeconds(30));
        var stoppedAt = warmUp.StepsTaken;
        await Task.Delay(100);

        Assert.True(stoppedAt >= 3, $"the warm-up took {stoppedAt} steps in a minute");
        Assert.Equal(stoppedAt, warmUp.StepsTaken);
    }

    [Fact]
    public void AnErrorInTheWarmUp_EndsItQuietly()
    {
        var warmUp = StepWarmUp.Start(() => throw new InvalidOperationException("a step that cannot be prepared"), steps: 3);
        warmUp.Finish();

        // The process is still here (an exception escaping a thread ends it) and no step was taken.
        Assert.Equal(0, warmUp.StepsTaken);
    }
}
