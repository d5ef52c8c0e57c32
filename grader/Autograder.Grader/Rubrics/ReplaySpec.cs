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

    /// <summary>Largest difference accepted between a logged and a replayed accuracy (0.002 = 4 of 2,000 validation images).</summary>
    public double AccuracyTolerance { get; init; } = 0.002;

    /// <summary>Largest relative difference accepted between a logged and a replayed loss.</summary>
    public double LossTolerance { get; init; } = 1e-4;
}
