namespace Autograder.Grader.Results;

/// <summary>
/// The result of grading one submission. <see cref="GraderError"/> is set when the grader itself
/// failed (the result is still written, saying so). <see cref="Sandbox"/> is <c>full</c> under
/// bubblewrap and <c>none</c> for a plain child process. <see cref="Score"/> includes the bonus points earned;
/// <see cref="CoreScore"/> and <see cref="BonusScore"/> split it, as every report shows it: <c>22 / 22 (+8 bonus)</c>.
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

    /// <summary>The bonus points earned (after the late penalty), part of <see cref="Score"/>.</summary>
    public double BonusScore => Math.Round(Items.Where(i => i.Bonus).Sum(i => i.Points) * (1 - LatePenalty), 4);

    /// <summary>The score out of <see cref="MaxScore"/>, without the bonus.</summary>
    public double CoreScore => Math.Round(Score - BonusScore, 4);

    /// <summary>How every report writes the score: <c>18 / 22</c>, or <c>22 / 22 (+8 bonus)</c> where the rubric has bonus items.</summary>
    public string ScoreText => BonusMaxScore > 0
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{CoreScore:0.##} / {MaxScore:0.##} (+{BonusScore:0.##} bonus)")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Score:0.##} / {MaxScore:0.##}");
}
