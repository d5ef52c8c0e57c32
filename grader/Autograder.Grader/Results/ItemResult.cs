using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Results;

/// <summary>A rubric item's score with its checks and any deductions applied (named in <see cref="Notes"/>).</summary>
public sealed record ItemResult(
    string Id,
    string Title,
    double Points,
    double MaxPoints,
    Visibility Visibility,
    IReadOnlyList<CheckResult> Checks,
    IReadOnlyList<string> Notes)
{
    /// <summary>The item's status: passed when every check passed, else the first non-passing check's status.</summary>
    public CheckStatus Status => Checks.FirstOrDefault(c => c.Status != CheckStatus.Passed)?.Status ?? CheckStatus.Passed;

    /// <summary>Extra credit: <see cref="MaxPoints"/> is not part of <see cref="GradeResult.MaxScore"/>.</summary>
    public bool Bonus { get; init; }
}
