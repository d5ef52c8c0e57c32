namespace NeuralNet.Training;

/// <summary>How the <see cref="Trainer"/> runs; every default is the HW3 starter code's unless noted.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training set (HW3 <c>--num_epoch</c> 10; HW6 runs 30; A1 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Examples per mini-batch (HW3/HW6 <c>--minibatch_size</c> 5; A1 128).</summary>
    public int BatchSize { get; init; } = 5;

    /// <summary>Seed of the generator that shuffles the training set each epoch.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Visit the training examples in a fresh random order every epoch (all seeds do; HW5 does not).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>HW3/HW6 loop over floor(N / B) batches and skip the short remainder; A1 keeps it (false).</summary>
    public bool DropLast { get; init; } = true;

    /// <summary>
    /// Patience k (HW3 3.1): training ends once validation accuracy has not improved for k epochs in a row.
    /// Null: never stop early (the best epoch is still tracked).
    /// </summary>
    public int? Patience { get; init; }

    /// <summary>False: only watch the patience rule and record where it would have stopped (HW3 3.3 trains 30 epochs anyway).</summary>
    public bool EarlyStopping { get; init; } = true;

    /// <summary>Evaluate the test set after every epoch (HW3 3.3's train/val/test plot), not only for the best epoch.</summary>
    public bool TestEveryEpoch { get; init; }

    /// <summary>Quick mode: at most this many mini-batches per epoch (tests, smoke runs); null trains on all of them.</summary>
    public int? MaxBatchesPerEpoch { get; init; }

    /// <summary>Quick mode: evaluate on at most this many examples of each split; null uses all.</summary>
    public int? MaxEvaluationExamples { get; init; }

    /// <summary>
    /// Rows per forward pass when measuring accuracy and loss; null (the default) uses <see cref="BatchSize"/>, so
    /// evaluating never holds more activations than a training step. Accuracy does not depend on it, the mean
    /// loss only in its last digits. Measured on 9,000 images: HW6's CNN2 took 40 s in chunks of 1,000 rows
    /// (980 MB im2col matrices, 6 GB peak) and 4 s in chunks of 5.
    /// </summary>
    public int? EvaluationBatchSize { get; init; }

    /// <summary>The rows per evaluation pass in effect: <see cref="EvaluationBatchSize"/>, else <see cref="BatchSize"/>.</summary>
    public int EvaluationRows => EvaluationBatchSize ?? BatchSize;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        Require(Epochs >= 1, $"TrainingOptions.Epochs must be at least 1, found {Epochs}");
        Require(BatchSize >= 1, $"TrainingOptions.BatchSize must be at least 1, found {BatchSize}");
        Require(Patience is null or >= 1, $"TrainingOptions.Patience must be at least 1 or null, found {Patience}");
        Require(MaxBatchesPerEpoch is null or >= 1, $"TrainingOptions.MaxBatchesPerEpoch must be at least 1 or null, found {MaxBatchesPerEpoch}");
        Require(MaxEvaluationExamples is null or >= 1, $"TrainingOptions.MaxEvaluationExamples must be at least 1 or null, found {MaxEvaluationExamples}");
        Require(EvaluationBatchSize is null or >= 1, $"TrainingOptions.EvaluationBatchSize must be at least 1 or null, found {EvaluationBatchSize}");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
