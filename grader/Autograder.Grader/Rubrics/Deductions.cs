namespace Autograder.Grader.Rubrics;

/// <summary>
/// Deductions on an item. <see cref="PrintsOutput"/>: what printing anything not asked costs
/// (<c>all</c> = the item's points, as in the A1 handout, or a number of points); null = no deduction.
/// </summary>
public sealed record Deductions
{
    public string? PrintsOutput { get; init; }
}
