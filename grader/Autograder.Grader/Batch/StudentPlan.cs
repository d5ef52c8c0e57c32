namespace Autograder.Grader.Batch;

/// <summary>
/// What a batch does with one student: reuse the cached result (<see cref="Cached"/>), regrade only
/// <see cref="ChangedItems"/> and splice them into the previous result, or grade from scratch
/// (<see cref="Full"/>), and the cache keys the new result will be stamped with.
/// </summary>
public sealed record StudentPlan(
    BatchSubmission Submission,
    string SubmissionHash,
    string BaseKey,
    DateTimeOffset? SubmittedAt,
    bool Cached,
    bool Full,
    IReadOnlyList<string> ChangedItems)
{
    public string Student => Submission.Student;
}
