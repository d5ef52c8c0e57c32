namespace NeuralNet.Experiments;

/// <summary>The loop of a run (see <see cref="NeuralNet.Training.TrainingOptions"/>).</summary>
public sealed record TrainingConfig
{
    /// <summary>Passes over the training set (HW3 <c>--num_epoch</c> 10; HW6 30; A1 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Examples per mini-batch (HW3/HW6 <c>--minibatch_size</c> 5; A1 128).</summary>
    public int BatchSize { get; init; } = 5;

    /// <summary>HW3's early-stopping patience k in epochs; null: no patience rule.</summary>
    public int? Patience { get; init; }

    /// <summary>False: watch the patience rule without stopping (HW3 3.3 trains 30 epochs and marks where it would have stopped).</summary>
    public bool EarlyStopping { get; init; } = true;

    /// <summary>Skip the last short batch (HW3/HW6 loop over floor(N / B) batches); A1 keeps it.</summary>
    public bool DropLast { get; init; } = true;

    /// <summary>Score the test set after every epoch (HW3 3.3), stored as the log's <c>test_curve</c>.</summary>
    public bool TestEveryEpoch { get; init; }
}
