namespace Autograder.Grader.Rubrics;

/// <summary>
/// training-log: re-run the first <see cref="Epochs"/> epochs of the logged experiment with the submission's code in the
/// worker (the log's own config and seed, the course's data) and compare them with the log's first values.
/// </summary>
public sealed record ReplaySpec
{
    /// <summary>The re-run's CPU budget when the check states no <c>timeout_seconds</c>.</summary>
    public const double DefaultTimeoutSeconds = 120;

    /// <summary>Epochs to re-run (the replay costs about that many epochs of the student's own run).</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>
    /// CPU budget of the short run made before the re-run (the log's experiment in quick mode, 20 batches, on only the
    /// rows they need), so that a submission that hangs is stopped after this instead of the whole <c>timeout_seconds</c>;
    /// null: the rubric's <c>call_timeout_seconds</c>.
    /// </summary>
    public double? ProbeSeconds { get; init; }

    /// <summary>Largest difference accepted between a logged and a replayed accuracy (0.002 = 4 of 2,000 validation images).</summary>
    public double AccuracyTolerance { get; init; } = 0.002;

    /// <summary>Largest relative difference accepted between a logged and a replayed loss.</summary>
    public double LossTolerance { get; init; } = 1e-4;
}
