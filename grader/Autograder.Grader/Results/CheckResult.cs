namespace Autograder.Grader.Results;

/// <summary>
/// One check of one rubric item: its outcome, how many of its cases passed (partial credit), how
/// long it took, and what the submission printed while it ran.
/// </summary>
public sealed record CheckResult(
    string Name,
    string Kind,
    CheckOutcome Outcome,
    int CasesPassed,
    int CasesTotal,
    double DurationMs,
    string? Output = null)
{
    public CheckStatus Status => Outcome.Status;
}
