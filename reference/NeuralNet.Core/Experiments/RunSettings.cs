namespace NeuralNet.Experiments;

/// <summary>Command-line adjustments of a run (<c>autograder train --epochs N --quick</c>).</summary>
public sealed record RunSettings
{
    /// <summary>Batches per epoch in quick mode.</summary>
    public const int QuickBatches = 20;

    /// <summary>Examples per split evaluated in quick mode.</summary>
    public const int QuickEvaluationExamples = 500;

    /// <summary>Epochs in quick mode unless <see cref="Epochs"/> says otherwise.</summary>
    public const int QuickEpochs = 2;

    /// <summary>Smoke run: a few batches per epoch and a subset of each split for evaluation; the log says <c>"quick": true</c>.</summary>
    public bool Quick { get; init; }

    /// <summary>Overrides the experiment's epoch count; null keeps it.</summary>
    public int? Epochs { get; init; }
}
