namespace Autograder.Grader.Batch;

/// <summary>
/// Reported after each student: <see cref="Done"/> of <see cref="Total"/> (cached ones count as done
/// from the start), how many submissions did not grade normally so far, and the estimated time left
/// (from the mean time per graded submission and the number of parallel jobs).
/// </summary>
public sealed record BatchProgress(
    int Done,
    int Total,
    int Cached,
    int Failures,
    TimeSpan Elapsed,
    TimeSpan? Remaining,
    string Student,
    double Score,
    double MaxScore,
    string Status);
