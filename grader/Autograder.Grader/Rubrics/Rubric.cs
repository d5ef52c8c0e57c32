namespace Autograder.Grader.Rubrics;

/// <summary>An assignment's rubric (<c>rubrics/&lt;id&gt;.rubric.yaml</c>), bound from YAML by <see cref="RubricLoader"/>.</summary>
public sealed record Rubric
{
    public string Assignment { get; init; } = "";

    public string Title { get; init; } = "";

    public DateTimeOffset? Due { get; init; }

    public LatePolicy? LatePenalty { get; init; }

    public RubricLimits Limits { get; init; } = new();

    public RubricPolicy Policy { get; init; } = new();

    /// <summary>Training logs (file names) the submission may carry; intake reads only these besides the assignment's files.</summary>
    public List<string> Logs { get; init; } = [];

    public List<RubricItem> Items { get; init; } = [];

    /// <summary>Rubric-wide deductions (A1: printing anything not asked zeroes the programming parts).</summary>
    public Deductions? Deductions { get; init; }

    /// <summary>The points the grader awards automatically: every item except the manual and the bonus ones.</summary>
    public double MaxScore => Items.Where(i => !i.Manual && !i.Bonus).Sum(i => i.Points);

    /// <summary>Extra credit the grader can award on top of <see cref="MaxScore"/> (<see cref="RubricItem.Bonus"/> items).</summary>
    public double BonusScore => Items.Where(i => !i.Manual && i.Bonus).Sum(i => i.Points);

    /// <summary>The points the course staff award by hand (<see cref="RubricItem.Manual"/> items that are not deductions).</summary>
    public double ManualScore => Items.Where(i => i.Manual && !i.Deduction).Sum(i => i.Points);
}
