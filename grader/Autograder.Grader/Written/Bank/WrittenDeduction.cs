namespace Autograder.Grader.Written.Bank;

/// <summary>
/// A deduction a handout words for one specific mistake (HW3 2.3: "Deduct 2 points if updating w_1/w_2 with the
/// updated value of v_1/v_2"). An answer that equals one of its question's <see cref="Keys"/> (the reference with
/// that mistake made) is graded as right, and then <see cref="Points"/> come off once for the problem, in whole
/// cases: first from the questions that made the mistake, then from the others of <see cref="From"/> in order.
/// </summary>
public sealed record WrittenDeduction
{
    /// <summary>Starts with the problem id, e.g. <c>hw3.p2.w_with_updated_v</c>; named in the feedback.</summary>
    public string Id { get; init; } = "";

    /// <summary>The handout's words, quoted in the feedback.</summary>
    public string Rule { get; init; } = "";

    public double Points { get; init; }

    /// <summary>
    /// Per question id, the answers with the mistake made: expressions over the problem's bindings (several when the
    /// mistake can be made in several ways, e.g. with the updated v1, the updated v2 or both).
    /// </summary>
    public Dictionary<string, List<string>> Keys { get; init; } = [];

    /// <summary>The questions the points may come off (the handout part the deduction belongs to), in the order they are taken.</summary>
    public List<string> From { get; init; } = [];
}
