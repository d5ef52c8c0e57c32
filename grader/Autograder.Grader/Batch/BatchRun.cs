namespace Autograder.Grader.Batch;

/// <summary>
/// What a batch run did: students in scope, how many were graded fully, regraded in part (rubric items
/// changed), reused from the cache, and how many did not grade normally; the wall time; the records.
/// </summary>
public sealed record BatchRun(
    int Total,
    int Graded,
    int Partial,
    int Cached,
    int Failures,
    TimeSpan Elapsed,
    IReadOnlyList<StudentRecord> Records);
