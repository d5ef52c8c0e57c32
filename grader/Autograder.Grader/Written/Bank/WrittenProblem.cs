namespace Autograder.Grader.Written.Bank;

/// <summary>
/// One file of the written bank (<c>rubrics/written/*.yaml</c>): a handout problem, how to draw
/// its bindings and its questions.
/// </summary>
public sealed record WrittenProblem
{
    /// <summary>Problem id, the prefix of its question ids, e.g. <c>hw3.p2</c>.</summary>
    public string Problem { get; init; } = "";

    public string Title { get; init; } = "";

    /// <summary>Where the handout states it, e.g. "seed 000, Problem 2".</summary>
    public string Source { get; init; } = "";

    /// <summary>Bindings every expression is checked on.</summary>
    public int Samples { get; init; } = 8;

    /// <summary>At least this many bindings satisfy each cover condition and each question case.</summary>
    public int MinPerCase { get; init; } = 3;

    public BindingSpec Bindings { get; init; } = new();

    public List<WrittenQuestion> Questions { get; init; } = [];

    /// <summary>The handout's deductions for named mistakes, applied after the problem's questions are graded.</summary>
    public List<WrittenDeduction> Deductions { get; init; } = [];

    /// <summary>The file it was read from (set by the loader).</summary>
    public string SourceFile { get; init; } = "";
}
