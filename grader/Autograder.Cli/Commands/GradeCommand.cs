using System.CommandLine;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports;

namespace Autograder.Cli;

/// <summary>
/// `autograder grade &lt;submission dir | zip&gt; --assignment &lt;id&gt;`: grades one submission and writes the
/// result. Exits 0 whenever a result was produced, whatever the score; 1 only when the grader itself
/// failed (and then the result file says so).
/// </summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var submission = new Argument<string>("submission") { Description = "The submission: a folder or a .zip." };
        var assignment = new Option<string>("--assignment") { Description = "Assignment id, e.g. hw3-fashion-mlp.", Required = true };
        var rubric = new Option<string?>("--rubric") { Description = "Rubric file (default rubrics/<id>.rubric.yaml)." };
        var format = new Option<ReportFormat>("--format") { Description = "text, json, gradescope, junit or markdown.", DefaultValueFactory = _ => ReportFormat.Text };
        var output = new Option<string?>("--out") { Description = "Write the result here instead of standard output." };
        var seed = new Option<ulong?>("--seed") { Description = "Seed for the random inputs (default: from the submission's content hash)." };
        var courseRoot = new Option<string?>("--course-root") { Description = "The course repository (default: the folder upwards holding Autograder.sln)." };
        var command = new Command("grade", "Grade one submission against its assignment's rubric.")
        {
            submission, assignment, rubric, format, output, seed, courseRoot,
        };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(courseRoot) ?? CourseRootFinder.TryFind(Environment.CurrentDirectory) ?? CourseRootFinder.TryFind(AppContext.BaseDirectory);
            var request = new GradeRequest(Path.GetFullPath(parse.GetValue(submission)!), parse.GetValue(assignment)!, root ?? Environment.CurrentDirectory)
            {
                RubricPath = parse.GetValue(rubric) is { } r ? Path.GetFullPath(r) : null,
                Seed = parse.GetValue(seed),
            };
            var result = root is null
                ? GradingPipeline.Failure(request, "the course root was not found (no Autograder.sln upwards); pass --course-root", 0)
                : GradingPipeline.Grade(request);
            var text = ReportWriter.Render(result, parse.GetValue(format));
            if (parse.GetValue(output) is { } path)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllText(path, text);
                Console.Error.WriteLine($"{result.Assignment}: {result.Score:0.##} / {result.MaxScore:0.##} -> {path}");
            }
            else
            {
                Console.Write(text);
            }

            return result.GraderError is null ? 0 : 1;
        });
        return command;
    }
}
