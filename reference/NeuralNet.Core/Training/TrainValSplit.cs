using NeuralNet.Data;

namespace NeuralNet.Training;

/// <summary>A1 section 1.1: the first 80% of the training set is the training data, the rest the validation data (no shuffling).</summary>
public static class TrainValSplit
{
    /// <summary>A1's fraction of the training set kept for training.</summary>
    public const double DefaultTrainFraction = 0.8;

    /// <summary>Splits a data set into its first part and the rest.</summary>
    /// <param name="data">the full training set, N examples</param>
    /// <param name="trainFraction">fraction for training, in (0, 1); the train part has floor(N * fraction) rows</param>
    /// <returns>(train: rows 0..n-1, validation: rows n..N-1)</returns>
    public static (Dataset Train, Dataset Validation) Split(Dataset data, double trainFraction = DefaultTrainFraction)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (trainFraction is <= 0.0 or >= 1.0 || double.IsNaN(trainFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "TrainValSplit: the train fraction must be in (0, 1).");
        }

        var n = (int)Math.Floor(data.Count * trainFraction);
        if (n == 0 || n == data.Count)
        {
            throw new ArgumentException($"TrainValSplit: {data.Count} examples with fraction {trainFraction} leave an empty split.", nameof(data));
        }

        var rest = Enumerable.Range(n, data.Count - n).ToArray();
        return (data.Take(n), data.Subset(rest));
    }
}
