namespace Autograder.Grader.Rubrics;

/// <summary>A graded item: its points, the parts (solution regions) it grades, its checks and how they score.</summary>
public sealed record RubricItem
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public double Points { get; init; }

    public List<string> Parts { get; init; } = [];

    /// <summary>
    /// The item grades its parts together with the student's other parts (a program's outputs). By default a check runs
    /// the student's <see cref="Parts"/> with the reference for every other part (error carried forward).
    /// </summary>
    public bool Composition { get; init; }

    public List<CheckSpec> Checks { get; init; } = [];

    public PartialCredit PartialCredit { get; init; } = PartialCredit.Fraction;

    public Deductions? Deductions { get; init; }

    public Visibility Visibility { get; init; } = Visibility.Visible;

    public string? Note { get; init; }

    /// <summary>Graded by the course staff (an analysis question, a plot): listed for the record, not run, not in the automatic score.</summary>
    public bool Manual { get; init; }

    /// <summary>
    /// A manual item that takes points off (a handout's deduction the grader cannot see, e.g. HW3 2.3's notation): the staff
    /// enter the points to deduct, from 0 to <see cref="Points"/>; they count against the total, not toward the maximum.
    /// </summary>
    public bool Deduction { get; init; }

    /// <summary>Extra credit (an optional part): graded like any item, its points add to the score but not to <see cref="Rubric.MaxScore"/>.</summary>
    public bool Bonus { get; init; }
}
