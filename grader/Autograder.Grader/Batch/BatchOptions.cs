using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Batch;

/// <summary>
/// A batch run: grade every submission in <see cref="SubmissionsFolder"/> (one sub-folder or zip per
/// student) and write per-student results plus the gradebook and summary to <see cref="OutputFolder"/>.
/// <see cref="Template"/> names the assignment and course (its <c>Submission</c> is ignored); tests set
/// its rubric, library and reference to grade a small fake course.
/// </summary>
public sealed record BatchOptions(string SubmissionsFolder, string OutputFolder, GradeRequest Template)
{
    /// <summary>Submissions graded at once (each runs its student code in its own worker process).</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Ignore cached results and grade everything again.</summary>
    public bool Regrade { get; init; }

    public Shard Shard { get; init; } = Shard.All;

    /// <summary>When each student submitted (for late days and the late penalty), by student id.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> SubmittedAt { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>Worker limits (default: the rubric's).</summary>
    public WorkerLimits? Limits { get; init; }
}
