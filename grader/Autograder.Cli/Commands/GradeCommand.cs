using System.CommandLine;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports;
using Autograder.Grader.Results;

namespace Autograder.Cli;

/// <summary>
/// `autograder grade &lt;submission dir | zip&gt; --assignment &lt;id&gt;`: grades one submission and writes the
/// result. Every run ends with a JSON result file (<c>--result</c>, default <c>&lt;submission&gt;.result.json</c>
/// beside the submission), even when the grader itself fails; the report in <c>--format</c> goes to
/// <c>--out</c> or standard output. Exits 0 whenever the grader produced a result, whatever the score;
/// 1 when the grader itself failed (the result file then says so); 2 when no result file could be written.
/// </summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var submission = new Argument<string>("submission") { Description = "The submission: a folder or a .zip." };
        var assignment = new Option<string>("--assignment") { Description = "Assignment id, e.g. hw3-fashion-mlp.", Required = true };
        var rubric = new Option<string?>("--rubric") { Description = "Rubric file (default rubrics/<id>.rubric.yaml)." };
        var format = new Option<ReportFormat>("--format") { Description = "Report format: text, json, gradescope, junit or markdown.", DefaultValueFactory = _ => ReportFormat.Text };
        var output = new Option<string?>("--out", "-o") { Description = "Write the report here instead of standard output." };
        var resultFile = new Option<string?>("--result")
        {
            Description = "The JSON result file, written on every run, also when the grader fails (default: <submission>.result.json beside the submission).",
        };
        var seed = new Option<ulong?>("--seed") { Description = "Seed for the random inputs (default: from the submission's content hash)." };
        var courseRoot = CourseRootOption.Create();
        var noSandbox = NoSandboxOption.Create();
        var command = new Command(
            "grade",
            "Grade one submission against its assignment's rubric. Always writes a JSON result file (--result); the report in --format goes to --out or standard output. " +
            "Exit code 0: graded (whatever the score); 1: the grader failed (the result file says why); 2: the result file could not be written.")
        {
            submission, assignment, rubric, format, output, resultFile, seed, courseRoot, noSandbox,
        };
        command.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(submission)!);
            var root = parse.GetValue(courseRoot) ?? CourseRootFinder.TryFind(Environment.CurrentDirectory) ?? CourseRootFinder.TryFind(AppContext.BaseDirectory);
            var request = new GradeRequest(path, parse.GetValue(assignment)!, root ?? Environment.CurrentDirectory)
            {
                RubricPath = parse.GetValue(rubric) is { } r ? Path.GetFullPath(r) : null,
                Seed = parse.GetValue(seed),
                AllowUnsandboxed = parse.GetValue(noSandbox),
            };
            if (NoSandboxOption.Refusal(request.AllowUnsandboxed, "grade") is { } refusal)
            {
                Console.Error.WriteLine(refusal);
            }

            GradeResult result;
            try
            {
                // A rubric that fails its proof grades nobody; the result file then says so.
                result = root is null
                    ? GradingPipeline.Failure(request, "the course root was not found (no Autograder.sln upwards); pass --course-root", 0)
                    : RubricGate.Refusal(request with { Submission = "" }, "grade") is not null
                    ? GradingPipeline.Failure(request, $"the rubric of {request.AssignmentId} failed its proof (printed above; run autograder check-rubric --assignment {request.AssignmentId})", 0)
                    : GradingPipeline.Grade(request);
            }
            catch (Exception ex)
            {
                result = GradingPipeline.Failure(request, $"{ex.GetType().Name}: {ex.Message}", 0);
            }

            var json = ResultTarget(parse.GetValue(resultFile), path, result);
            if (!TryWrite(json, JsonReport.Write(result)))
            {
                return 2;
            }

            var text = ReportWriter.Render(result, parse.GetValue(format));
            if (parse.GetValue(output) is { } report)
            {
                if (!TryWrite(report, text))
                {
                    return 2;
                }

                Console.Error.WriteLine($"{result.Assignment}: {result.ScoreText} -> {report} (result: {json})");
            }
            else
            {
                Console.Write(text);
            }

            return result.GraderError is null ? 0 : 1;
        });
        return command;
    }

    /// <summary>
    /// Where this run's result goes without destroying an earlier one: <c>--result</c> as given, unless it holds a
    /// real result and this run is a grader error (then a new name beside it); by default beside the submission,
    /// or under a new name (<c>alice.result-2.json</c>) when a result is already there.
    /// </summary>
    internal static string ResultTarget(string? requested, string submission, GradeResult result)
    {
        var target = requested ?? DefaultResultPath(submission);
        if (!File.Exists(target) || (requested is not null && (result.GraderError is null || !HoldsRealResult(target))))
        {
            return target;
        }

        var free = FreeName(target);
        Console.Error.WriteLine($"grade: {target} already holds a result{(requested is null ? "" : " that this run's grader error must not replace")}; writing {free}");
        return free;
    }

    private static bool HoldsRealResult(string path)
    {
        try
        {
            return Autograder.Grader.Batch.ResultReader.TryReadFile(path) is { GraderError: null };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary><c>x.result.json</c> gives the first of <c>x.result-2.json</c>, <c>x.result-3.json</c>, ... that does not exist.</summary>
    private static string FreeName(string path)
    {
        var stem = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? path[..^5] : path;
        var n = 2;
        while (File.Exists($"{stem}-{n}.json"))
        {
            n++;
        }

        return $"{stem}-{n}.json";
    }

    /// <summary><c>submissions/alice.zip</c> gives <c>submissions/alice.zip.result.json</c>; a folder <c>alice/</c> gives <c>alice.result.json</c> beside it.</summary>
    private static string DefaultResultPath(string submission) =>
        Path.TrimEndingDirectorySeparator(submission) + ".result.json";

    private static bool TryWrite(string path, string text)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, text);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"autograder grade: cannot write {path}: {ex.Message}");
            return false;
        }
    }
}
