using Autograder.Tests.Experiments;
using NeuralNet;
using NeuralNet.Data;
using NeuralNet.Experiments;
using NeuralNet.Training;

namespace Autograder.Tests.Training;

/// <summary>
/// <c>autograder train</c> trains a throwaway copy of the network on a background thread during the set-up, so the
/// first epoch does not compile the step's code (issue 19). The copy must share nothing with the run: a run with it
/// must give the log a run without it gives, to the last bit.
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

        // All 32 steps: the copy trains while the checks run, and the run waits for the last of them.
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
    public void TheWarmUp_TrainsItsOwnCopy_OnItsOwnRows()
    {
        var config = Hw3Config();
        var data = DataStore.Load("fashion-mnist", DataRoot).Validation;
        var batch = data.Subset([0, 1, 2, 3, 4]);
        LayerChain? copy = null;

        var warmUp = StepWarmUp.Start(
            () => copy = CourseCatalog.Default.CreateModel(config.Model, new Rng(7), data.Features, data.NumClasses),
            () => CourseCatalog.Default.CreateOptimizer(config.Optimizer).Optimizer,
            batch,
            steps: 3);
        warmUp.Finish();

        var untrained = CourseCatalog.Default.CreateModel(config.Model, new Rng(7), data.Features, data.NumClasses);
        Assert.Equal(3, warmUp.StepsTaken);
        Assert.NotNull(copy);
        Assert.NotEqual(untrained.Parameters[0].Value.ToArray(), copy.Parameters[0].Value.ToArray());
        Assert.True(data.HasPixelsOnly, "the warm-up built the data set's X");
    }

    [Fact]
    public void Join_StopsTheSteps_AtTheNextStep()
    {
        var config = Hw3Config();
        var data = DataStore.Load("fashion-mnist", DataRoot).Validation;

        var warmUp = StepWarmUp.Start(
            () => CourseCatalog.Default.CreateModel(config.Model, new Rng(7), data.Features, data.NumClasses),
            () => CourseCatalog.Default.CreateOptimizer(config.Optimizer).Optimizer,
            data.Subset([0, 1, 2, 3, 4]),
            steps: int.MaxValue);
        warmUp.Join();

        Assert.InRange(warmUp.StepsTaken, 0, int.MaxValue - 1);
    }

    [Fact]
    public void AnErrorInTheWarmUp_EndsItQuietly()
    {
        var config = Hw3Config();
        var data = DataStore.Load("fashion-mnist", DataRoot).Validation;

        var warmUp = StepWarmUp.Start(
            () => throw new InvalidOperationException("a module that cannot be built"),
            () => CourseCatalog.Default.CreateOptimizer(config.Optimizer).Optimizer,
            data.Subset([0]),
            steps: 3);
        warmUp.Finish();

        // The process is still here (an exception escaping a thread ends it) and no step was taken.
        Assert.Equal(0, warmUp.StepsTaken);
    }
}
