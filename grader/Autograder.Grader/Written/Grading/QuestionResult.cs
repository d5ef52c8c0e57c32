namespace Autograder.Grader.Written.Grading;

/// <summary>
/// The grade of one written question: status, points out of <see cref="MaxPoints"/>, the scored
/// cases and a message naming the question and what to fix.
/// </summary>
public sealed record QuestionResult(
    string Id,
    string Title,
    WrittenStatus Status,
    double Points,
    double MaxPoints,
    string Message,
    IReadOnlyList<CaseOutcome> Cases)
{
    public int CasesPassed => Cases.Count(c => c.Passed);

    /// <summary>Some case was earned only with the student's own earlier answer in the key (error carried forward).</summary>
    public bool CarriedForward { get; init; }

    /// <summary>The <see cref="Bank.WrittenDeduction"/> whose mistake the answer made (its cases count as matched, the deduction comes off once per problem).</summary>
    public string? Mistake { get; init; }

    public static QuestionResult Zero(Bank.WrittenQuestion q, WrittenStatus status, string message) =>
        new(q.Id, q.Title, status, 0, q.Points, $"{q.Id}: {message}", q.ScoredCases.Select(c => new CaseOutcome(c.Name, false, 0, c.Points, 0)).ToList());

    public static QuestionResult Full(Bank.WrittenQuestion q, string message) =>
        new(q.Id, q.Title, WrittenStatus.Passed, q.Points, q.Points, $"{q.Id}: {message}", q.ScoredCases.Select(c => new CaseOutcome(c.Name, true, c.Points, c.Points, 1)).ToList());

    /// <summary>Passed, partial or failed by the points earned.</summary>
    public static WrittenStatus StatusOf(double points, double max) =>
        points >= max - 1e-12 ? WrittenStatus.Passed : points > 0 ? WrittenStatus.Partial : WrittenStatus.Failed;
}
