using System.CommandLine;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Release;
using Autograder.Grader.Reports;

namespace Autograder.Cli;

/// <summary>
/// `autograder selfcheck --assignment &lt;id|all&gt; [--only reference|kit]`: the course's own proof that the
/// rubric fits the code: the reference (reference/NeuralNet) must get full marks and the generated kit
/// (skeleton/&lt;id&gt;) must get zero. One command per assertion for CI; exit 1 on a mismatch, with the
/// graded report printed.
/// </summary>
internal static class SelfcheckCommand
{
    public static Command Create()
    {
        var assignment = new Option<string>("--assignment") { Description = "Assignment id, or 'all' for every rubrics/*.rubric.yaml.", Required = true };
        var only = new Option<string?>("--only") { Description = "Check only 'reference' (full marks) or 'kit' (zero)." };
        only.AcceptOnlyFromAmong("reference", "kit");
        var courseRoot = CourseRootOption.Create();
        var command = new Command("selfcheck", "Check that the reference gets full marks and the starter kit gets zero.") { assignment, only, courseRoot };
        command.SetAction(parse =>
        {
            var root = parse.GetValue(courseRoot) ?? CourseRootFinder.TryFind(Environment.CurrentDirectory) ?? CourseRootFinder.TryFind(AppContext.BaseDirectory);
            if (root is null)
            {
                Console.Error.WriteLine("selfcheck: the course root was not found (no Autograder.sln upwards); pass --course-root");
                return 2;
            }

            var id = parse.GetValue(assignment)!;
            var ids = id != "all" ? [id] : Directory.EnumerateFiles(Path.Combine(root, "rubrics"), "*.rubric.yaml")
                .Select(f => Path.GetFileName(f)[..^".rubric.yaml".Length]).Order(StringComparer.Ordinal).ToList();
            var status = 0;
            foreach (var each in ids)
            {
                if (parse.GetValue(only) is null or "reference")
                {
                    status = Math.Max(status, Check(root, each, "reference", ReferenceSubmission(root, each), fullMarks: true));
                }

                if (parse.GetValue(only) is null or "kit")
                {
                    var kit = Path.Combine(root, "skeleton", each);
                    var library = Path.Combine(kit, KitLayout.Library);
                    status = Math.Max(status, Check(root, each, "kit", Directory.Exists(library) ? library : kit, fullMarks: false));
                }
            }

            return status;
        });
        return command;
    }

    /// <summary>
    /// reference/NeuralNet plus the training logs the rubric asks for, found as the rubric proof finds them (<see cref="RubricProof.ReferenceLogs"/>:
    /// tests/Golden/&lt;id&gt;/PassesAll first, then reference/; the reference library itself holds code, not run outputs).
    /// </summary>
    private static string ReferenceSubmission(string root, string id)
    {
        var library = new Autograder.Grader.Release.RepositoryLayout(root).ReferenceLibrary;
        var logs = Autograder.Grader.Batch.BatchRunner.LoadRubric(new GradeRequest("", id, root)).Logs;
        if (logs.Count == 0)
        {
            return library;
        }

        var folder = Directory.CreateTempSubdirectory("selfcheck-reference-").FullName;
        foreach (var file in Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(library, f)))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(library, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // The same reference logs the rubric proof uses (tests/Golden/<id>/PassesAll first): one rule, not two.
        foreach (var (log, text) in RubricProof.ReferenceLogs(root, id, logs))
        {
            File.WriteAllText(Path.Combine(folder, log), text);
            Console.WriteLine($"selfcheck {id} reference: log {log}");
        }

        return folder;
    }

    private static bool IsBuildOutput(string root, string file) =>
        RepositoryLayout.IsBuildOutput(Path.GetRelativePath(root, file).Replace('\\', '/'));

    private static int Check(string root, string id, string what, string submission, bool fullMarks)
    {
        if (!Directory.Exists(submission))
        {
            Console.Error.WriteLine($"selfcheck {id} {what}: {submission} does not exist");
            return 1;
        }

        var result = GradingPipeline.Grade(new GradeRequest(submission, id, root) { AllowUnsandboxed = true });
        var ok = result.GraderError is null && (fullMarks ? result.Score == result.MaxScore + result.BonusMaxScore && result.MaxScore > 0 : result.Score == 0);
        var expected = fullMarks ? "full marks" : "zero";
        Console.WriteLine($"selfcheck {id} {what}: {result.ScoreText} (expected {expected}) {(ok ? "ok" : "MISMATCH")}");
        if (!ok)
        {
            Console.WriteLine(TextReport.Write(result));
        }

        return ok ? 0 : 1;
    }
}
