using NeuralNet;
using NeuralNet.Data;
using NeuralNet.Experiments;
using Autograder.Tests.Experiments;
using NeuralNet.Training;

namespace Autograder.Tests.Data;

/// <summary>
/// Image data sets keep their pixel bytes and build X only when something reads it (issue 19's peak memory: the
/// HW3 run held 138 MB of doubles). Whatever reads the rows (the training loop, the evaluation, the checks, subsets)
/// must see exactly the doubles X holds, and a training run must not build X.
/// </summary>
public sealed class PixelDatasetTests
{
    private static readonly string DataRoot = RepoRoot.Combine("data");

    private static ExperimentConfig Hw3Config() =>
        ExperimentLoader.LoadFile(RepoRoot.Combine("reference", "experiments", "hw3-fashion-mlp", "mlp_lr0.01_b5.yaml")).Single();

    /// <summary>The same splits as doubles: each set rebuilt from its X (read from a load of its own).</summary>
    private static DataSplits AsDoubles(DataSplits pixels) => new(Doubles(pixels.Train), Doubles(pixels.Validation), Doubles(pixels.Test));

    private static Dataset Doubles(Dataset set) => new(set.X.Clone(), (int[])set.Labels.Clone(), set.ImageHeight, set.ImageWidth, set.NumClasses);

    [Fact]
    public void LoadedImages_StayPixels_ThroughAWholeRunWithItsChecks()
    {
        var data = DataStore.Load("fashion-mnist", DataRoot);
        Assert.True(data.Train.HasPixelsOnly && data.Validation.HasPixelsOnly && data.Test.HasPixelsOnly);

        var log = new ExperimentRunner().Run(Hw3Config(), data, new RunSettings { Quick = true, Epochs = 1 });

        Assert.NotNull(log.GradientChecks);
        Assert.NotNull(log.MagnitudeChecks);
        Assert.True(data.Train.HasPixelsOnly, "the run built the training split's X as doubles");
        Assert.True(data.Validation.HasPixelsOnly, "the run built the validation split's X as doubles");
        Assert.True(data.Test.HasPixelsOnly, "the run built the test split's X as doubles");
    }

    [Fact]
    public void ARunOnPixels_EqualsTheSameRunOnDoubles_ChecksIncluded()
    {
        var pixels = DataStore.Load("fashion-mnist", DataRoot);
        var doubles = AsDoubles(DataStore.Load("fashion-mnist", DataRoot));
        Assert.False(doubles.Train.HasPixelsOnly);
        var settings = new RunSettings { Quick = true, Epochs = 2 };

        var a = new ExperimentRunner().Run(Hw3Config(), pixels, settings);
        var b = new ExperimentRunner().Run(Hw3Config(), doubles, settings);

        Assert.Equal(b.Train, a.Train);
        Assert.Equal(b.Val, a.Val);
        Assert.Equal(b.TrainLoss, a.TrainLoss);
        Assert.Equal(b.ValLoss, a.ValLoss);
        Assert.Equal(b.Test, a.Test);
        Assert.Equal(b.TestLoss, a.TestLoss);
        Assert.Equal(b.GradientChecks!.Select(g => (g.Backpropagation, g.Approximation)), a.GradientChecks!.Select(g => (g.Backpropagation, g.Approximation)));
        Assert.Equal(b.MagnitudeChecks!.Select(m => m.L1Norm), a.MagnitudeChecks!.Select(m => m.L1Norm));
        Assert.True(pixels.Train.HasPixelsOnly);
    }

    [Fact]
    public void SubsetTakeAndBatches_OfPixels_AreTheRowsOfX()
    {
        var pixels = DataStore.Load("fashion-mnist", DataRoot).Train;
        var x = DataStore.Load("fashion-mnist", DataRoot).Train.X;
        int[] rows = [9_999, 0, 17, 17, 4_242];

        var subset = pixels.Subset(rows);
        var take = pixels.Take(33);
        Assert.True(subset.HasPixelsOnly && take.HasPixelsOnly);
        Assert.Equal(x.Rows(rows).ToArray(), subset.X.ToArray());
        Assert.Equal(rows.Select(r => pixels.Labels[r]), subset.Labels);
        Assert.Equal(x.Slice(0, 33).ToArray(), take.X.ToArray());
        Assert.True(pixels.HasPixelsOnly, "a subset built the whole set's X");

        var fromPixels = new MiniBatchSampler(pixels, 7, dropLast: false, shuffle: true, new Rng(3));
        var fromTensor = new MiniBatchSampler(x, pixels.Labels, 7, dropLast: false, shuffle: true, new Rng(3));
        fromPixels.NextEpoch();
        fromTensor.NextEpoch();
        foreach (var b in new[] { 0, 1, fromPixels.BatchesPerEpoch - 1 })
        {
            var (px, py) = fromPixels.Batch(b);
            var (tx, ty) = fromTensor.Batch(b);
            Assert.Equal(tx.ToArray(), px.ToArray());
            Assert.Equal(ty, py);
        }

        Assert.True(pixels.HasPixelsOnly, "the sampler built the whole set's X");
    }

    [Fact]
    public void X_IsBuiltOnce_AndThenUsedByEveryReader()
    {
        var set = DataStore.Load("fashion-mnist", DataRoot).Validation;
        var first = set.X;

        Assert.False(set.HasPixelsOnly);
        Assert.Same(first, set.X);
        Assert.Equal(784, set.Features);
        Assert.All(first.Slice(0, 10).ToArray(), v => Assert.Equal(Math.Round(v * 255) / 255.0, v));
    }

    [Fact]
    public void OnceXIsBuiltAndChanged_SubsetsBatchesAndEvaluationReadX()
    {
        // A student who rescales the training set in place (x -= 0.5) must train on what they made, as before.
        var set = DataStore.Load("fashion-mnist", DataRoot).Validation;
        set.X.AddInPlace(Tensor.Full(-0.5, 1));

        Assert.False(set.HasPixelsOnly);
        Assert.Equal(set.X.Rows([3, 1]).ToArray(), set.Subset([3, 1]).X.ToArray());
        Assert.Equal(set.X.Slice(0, 4).ToArray(), set.Take(4).X.ToArray());
        var sampler = new MiniBatchSampler(set, 4, dropLast: true, shuffle: false, new Rng(1));
        Assert.Equal(set.X.Slice(0, 4).ToArray(), sampler.Batch(0).X.ToArray());
    }

    [Fact]
    public void FromPixels_RejectsBytesThatAreNotWholeImages()
    {
        var error = Assert.Throws<ArgumentException>(() => Dataset.FromPixels(new byte[785], [0], 28, 28));
        Assert.Contains("785 pixel bytes are not 1 images of 28 x 28", error.Message, StringComparison.Ordinal);
        var label = Assert.Throws<ArgumentException>(() => Dataset.FromPixels(new byte[784], [10], 28, 28));
        Assert.Contains("labels[0] = 10 is out of range 0..9", label.Message, StringComparison.Ordinal);
    }
}
