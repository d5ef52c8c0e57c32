namespace NeuralNet.Experiments;

/// <summary>The data of a run.</summary>
public sealed record DataConfig
{
    /// <summary>"fashion-mnist" (HW3: 10,000 / 2,000 / 10,000) or "mnist" (HW6's mnist_subset and A1: 8,000 / 1,000 / 1,000).</summary>
    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>
    /// "provided": use the data set's own validation split (HW3, HW6). "split": A1 section 1.1, the first
    /// <see cref="TrainFraction"/> of the training split trains and the rest validates.
    /// </summary>
    public string Validation { get; init; } = "provided";

    /// <summary>Fraction of the training split kept for training when <see cref="Validation"/> is "split" (A1: 0.8).</summary>
    public double TrainFraction { get; init; } = 0.8;
}
