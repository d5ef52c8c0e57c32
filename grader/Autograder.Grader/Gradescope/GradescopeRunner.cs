using Autograder.Grader.Batch;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports;
using Autograder.Grader.Results;

namespace Autograder.Grader.Gradescope;

/// <summary>
/// Grades one Gradescope submission: <c>ROOT/submission</c> against the assignment, with the late
/// penalty from <c>ROOT/submission_metadata.json</c>, and writes <c>ROOT/results/results.json</c>.
/// ROOT is <c>/autograder</c> on Gradescope, <c>AUTOGRADER_GRADESCOPE_ROOT</c> when set (tests emulate
/// the layout under a temp folder). A results file is written whatever happens.
/// </summary>
public static class GradescopeRunner
{
    public const string RootVariable = "AUTOGRADER_GRADESCOPE_ROOT";

    /// <summary>The /autograder root: the argument, else AUTOGRADER_GRADESCOPE_ROOT, else /autograder.</summary>
    public static string ResolveRoot(string? root) =>
        root ?? (Environment.GetEnvironmentVariable(RootVariable) is { Length: > 0 } fromEnv ? fromEnv : "/autograder");

    public static string ResultsPath(string root) => Path.Combine(root, "results", "results.json");

    /// <param name="root">the /autograder folder</param>
    /// <param name="template">assignment and course (its Submission is replaced)</param>
    /// <param name="limits">worker limits (default: the rubric's)</param>
    public static GradeResult Run(string root, GradeRequest template, WorkerLimits? limits = null)
    {
        var request = template with { Submission = Path.Combine(root, "submission") };
        GradeResult result;
        try
        {
            var metadata = SubmissionMetadata.TryRead(Path.Combine(root, SubmissionMetadata.FileName));
            var rubric = template.Rubric ?? BatchRunner.LoadRubric(template);
            if (metadata?.DueDate is { } due)
            {
                rubric = rubric with { Due = due };
            }

            request = request with { Rubric = rubric, SubmittedAt = metadata?.CreatedAt };
            result = GradingPipeline.Grade(request, limits);
            if (metadata is { CreatedAt: { } at, LateDueDate: { } last } && at > last)
            {
                result = result with { Messages = [.. result.Messages, $"late: submitted {at:u}, after the late due date {last:u}"] };
            }
        }
        catch (Exception ex)
        {
            result = GradingPipeline.Failure(request, $"{ex.GetType().Name}: {ex.Message}", 0);
        }

        AtomicFile.WriteAllText(ResultsPath(root), GradescopeReport.Write(result));
        return result;
    }
}
