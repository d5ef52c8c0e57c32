using System.Reflection;
using Autograder.Grader.Assignments;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// What to grade and against what. Only <see cref="Submission"/>, <see cref="AssignmentId"/> and
/// <see cref="CourseRoot"/> are needed; the rest default to the course's own files (rubric at
/// rubrics/&lt;id&gt;.rubric.yaml, profile at rubrics/&lt;id&gt;.assignment.yaml, library at
/// reference/NeuralNet, the NeuralNet project as reference) and are set by tests that grade against
/// a small fake course library.
/// </summary>
public sealed record GradeRequest(string Submission, string AssignmentId, string CourseRoot)
{
    public string? RubricPath { get; init; }

    public ulong? Seed { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? LibraryRoot { get; init; }

    public Assembly? ReferenceAssembly { get; init; }

    /// <summary>The assignment profile (parts and files); default <c>rubrics/&lt;id&gt;.assignment.yaml</c>.</summary>
    public AssignmentProfile? Assignment { get; init; }

    public Rubric? Rubric { get; init; }

    /// <summary>Folder for the per-grading work files (student build, worker scratch); default a fresh temp folder, deleted afterwards.</summary>
    public string? WorkRoot { get; init; }

    /// <summary>
    /// Grade even where the full sandbox is unavailable (the CLI's <c>--no-sandbox</c>; the bundled examples,
    /// which the repository trusts). Without it, such a machine gets a result that names the refusal.
    /// </summary>
    public bool AllowUnsandboxed { get; init; }

    /// <summary>Skip the policy walk. Tests only: they show that the sandbox, not the policy, contains a submission.</summary>
    internal bool PolicyOff { get; init; }
}
