namespace NeuralNet.Experiments;

/// <summary>
/// The JSON log of one run, written as <c>&lt;name&gt;.json</c> (the handout's file name). Property names
/// are snake_case in JSON; the schema is <c>rubrics/schemas/training-log.schema.json</c>. Accuracies are
/// fractions in [0, 1]; losses are mean cross-entropy; lists have one entry per epoch trained.
/// </summary>
public sealed record TrainingLog
{
    /// <summary>The run's name, the file name without ".json".</summary>
    public required string Name { get; init; }

    /// <summary>The assignment id.</summary>
    public required string Assignment { get; init; }

    /// <summary>The experiment as run (after any sweep value and command-line override).</summary>
    public required ExperimentConfig Config { get; init; }

    /// <summary>The seed of every generator of the run.</summary>
    public required ulong Seed { get; init; }

    /// <summary>True when written by a quick (smoke) run on a few batches: not a result.</summary>
    public required bool Quick { get; init; }

    /// <summary>Learnable numbers of the network.</summary>
    public required int Parameters { get; init; }

    /// <summary>Training accuracy after each epoch (HW3/HW6 log key "train").</summary>
    public required IReadOnlyList<double> Train { get; init; }

    /// <summary>Validation accuracy after each epoch (key "val").</summary>
    public required IReadOnlyList<double> Val { get; init; }

    /// <summary>Training mean cross-entropy after each epoch.</summary>
    public required IReadOnlyList<double> TrainLoss { get; init; }

    /// <summary>Validation mean cross-entropy after each epoch.</summary>
    public required IReadOnlyList<double> ValLoss { get; init; }

    /// <summary>Test accuracy after each epoch, when the experiment asks for it (HW3 3.3); else null.</summary>
    public IReadOnlyList<double>? TestCurve { get; init; }

    /// <summary>Learning rate used in each epoch.</summary>
    public required IReadOnlyList<double> LearningRate { get; init; }

    /// <summary>Wall-clock seconds of each epoch's training pass.</summary>
    public required IReadOnlyList<double> EpochSeconds { get; init; }

    /// <summary>Optimiser steps over the run (HW3 3.2's "number of gradient updates").</summary>
    public required long Updates { get; init; }

    /// <summary>1-based epoch with the best validation accuracy; its weights give <see cref="Test"/>.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Epoch at which the patience rule fired (whether or not training stopped); null if it never did.</summary>
    public int? StopEpoch { get; init; }

    /// <summary>True when training ended early because of the patience rule.</summary>
    public required bool EarlyStopped { get; init; }

    /// <summary>Test accuracy of the best epoch's weights.</summary>
    public required double Test { get; init; }

    /// <summary>Test mean cross-entropy of the best epoch's weights.</summary>
    public required double TestLoss { get; init; }

    /// <summary>Accuracy on each extra test set (HW3 3.5), keyed by its name; null when none were asked for.</summary>
    public IReadOnlyDictionary<string, double>? TestSets { get; init; }

    /// <summary>HW3 3.1.5's gradient checks on the initial weights; null when not asked for.</summary>
    public IReadOnlyList<GradientCheckLog>? GradientChecks { get; init; }

    /// <summary>HW3 3.1.5's magnitude check on the initial weights; null when not asked for.</summary>
    public IReadOnlyList<MagnitudeCheckLog>? MagnitudeChecks { get; init; }
}
