namespace Autograder.Grader.Written.Bank;

/// <summary>
/// One question of the written bank (instructor side: it holds the reference answer). The kit shows
/// only <see cref="Id"/>, <see cref="Title"/>, <see cref="Prompt"/>, <see cref="Hint"/>, the variables,
/// the options and the points.
/// </summary>
public sealed record WrittenQuestion
{
    /// <summary>The key in the students' <c>answers.yaml</c>, e.g. <c>hw3.p2.dl_dv1</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Short title with the handout's numbering, e.g. <c>2.1 dl/dv1</c>.</summary>
    public string Title { get; init; } = "";

    /// <summary>The question as students read it in the kit.</summary>
    public string Prompt { get; init; } = "";

    public QuestionKind Kind { get; init; }

    /// <summary>Names the answer may use (expression questions).</summary>
    public List<string> Variables { get; init; } = [];

    /// <summary>The reference answer: an expression (expression, number) or the shape text (shape).</summary>
    public string Reference { get; init; } = "";

    /// <summary>
    /// Other accepted answers (expression and number questions): the handout's printed key where it differs from
    /// <see cref="Reference"/>, so a student who follows the handout is not marked wrong; <see cref="Note"/> says why
    /// the keys differ. A case is earned when the answer matches the reference, or one alternative, on all its bindings.
    /// </summary>
    public List<string> Alternatives { get; init; } = [];

    /// <summary>
    /// Error carried forward (expression questions): per earlier question of the problem, the binding its answer stands
    /// for, e.g. <c>hw3.p1.dFi_dwc: dF</c> with <c>reference: "wc - dF"</c>. The reference and alternatives may name
    /// these bindings and the variables of those earlier questions. When an earlier answer is wrong, a case the answer
    /// misses is still earned if the answer matches the key evaluated with the student's earlier answer in place of
    /// the binding ("correct given your answer to ...").
    /// </summary>
    public Dictionary<string, string> CarriesFrom { get; init; } = [];

    /// <summary>The expected form, shown next to the key in the kit, e.g. "an expression in y, yhat, o1".</summary>
    public string Hint { get; init; } = "";

    public double Points { get; init; }

    /// <summary>Separately scored cases; none means one case over every binding worth <see cref="Points"/>.</summary>
    public List<QuestionCase> Cases { get; init; } = [];

    public double Rtol { get; init; } = 1e-6;

    public double Atol { get; init; } = 1e-9;

    public List<ChoiceOption> Options { get; init; } = [];

    /// <summary>The correct option ids (choice questions).</summary>
    public List<string> Answer { get; init; } = [];

    /// <summary>Exactly one option is correct (the kit then asks for one id).</summary>
    public bool Single { get; init; }

    /// <summary>Target outputs for inputs (0,0), (0,1), (1,0), (1,1) (neuron questions).</summary>
    public List<int> TruthTable { get; init; } = [];

    /// <summary>The handout's points for a manual item (graded by hand, not counted here).</summary>
    public double ManualPoints { get; init; }

    /// <summary>
    /// A manual item that takes points off: a deduction the handout words but the grader cannot see (HW3 2.3's x_{n1}
    /// notation); <see cref="ManualPoints"/> is the most the staff can deduct, and <see cref="Prompt"/> quotes the handout.
    /// </summary>
    public bool Deduction { get; init; }

    /// <summary>A question of a bonus part of the handout (e.g. HW3 3.5): its rubric item adds to the score, not to the maximum.</summary>
    public bool Bonus { get; init; }

    /// <summary>Instructor note, e.g. where the handout's key was corrected; never shipped.</summary>
    public string? Note { get; init; }

    /// <summary>The graded cases (a single "all bindings" case when <see cref="Cases"/> is empty).</summary>
    public IReadOnlyList<QuestionCase> ScoredCases =>
        Cases.Count > 0 ? Cases : [new QuestionCase { Name = "all", When = "", Points = Points }];
}
