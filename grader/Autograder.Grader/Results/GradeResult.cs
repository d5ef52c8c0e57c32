namespace Autograder.Grader.Results;

/// <summary>
/// The result of grading one submission. <see cref="GraderError"/> is set when the grader itself
/// failed (the result is still written, saying so). <see cref="Sandbox"/> is <c>full</c> under
/// bubblewrap and <c>reduced</c> for a plain child process.
/// </summary>
public sealed record GradeResult(
    string Assignment,
    string Submission,
    ulong Seed,
    string ContentHash,
    double Score,
    double MaxScore,
    string Sandbox,
    IReadOnlyList<ItemResult> Items,
    IReadOnlyList<string> Messages,
    double ExecutionSeconds,
    string GraderVersion,
    double LatePenalty = 0,
    string? GraderError = null)
{
    /// <summary>The extra credit available on top of <see cref="MaxScore"/>: the bonus items' points.</summary>
    public double BonusMaxScore => Items.Where(i => i.Bonus).Sum(i => i.MaxPoints);
}
