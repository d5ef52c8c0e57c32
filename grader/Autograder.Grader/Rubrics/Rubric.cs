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

    public double MaxScore => Items.Sum(i => i.Points);
}
