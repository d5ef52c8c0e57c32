using System.Diagnostics;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Written.Answers;
using Autograder.Grader.Written.Grading;

namespace Autograder.Tests.Written;

/// <summary>
/// Issue 16, the written kit as a student uses it: copy skeleton/written, run its local check on the blank sheet,
/// on a sheet with a typo and on a complete correct sheet, then grade that sheet with `autograder grade answers.yaml`'s
/// pipeline. The check must flag exactly what the grader would refuse, and pass what the grader gives full marks.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WrittenCheckToolTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    private static string Kit()
    {
        var kit = Directory.CreateTempSubdirectory("written-kit-").FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "skeleton", "written"), "*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var to = Path.Combine(kit, Path.GetRelativePath(Path.Combine(Root, "skeleton", "written"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return kit;
    }

    private static (int Exit, string Output) Check(string kit)
    {
        var start = new ProcessStartInfo("dotnet", ["run", "--project", "tools/Check"]) { WorkingDirectory = kit, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the check did not finish in 5 minutes");
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void Check_AsAStudentUsesIt_FlagsWhatTheGraderRefusesAndPassesWhatItAccepts()
    {
        var kit = Kit();
        var answers = Path.Combine(kit, "answers.yaml");
        var blank = File.ReadAllText(answers);
        var total = WrittenTestKit.Bank.Questions.Count(q => q.Kind != Autograder.Grader.Written.Bank.QuestionKind.Manual);

        var (exit, output) = Check(kit);
        Assert.True(exit == 0, output);
        Assert.Contains($"0 of {total} questions answered, 0 problem(s)", output, StringComparison.Ordinal);

        // A typo'd function name, an unknown option and a shape in the wrong form: each named with its line.
        File.WriteAllText(answers, blank
            .Replace("a1.softmax_diag: \"\"", "a1.softmax_diag: \"si * (1 - sigmoid(si))\"", StringComparison.Ordinal)
            .Replace("a1.softmax_offdiag: \"\"", "a1.softmax_offdiag: \"-si * sj\"", StringComparison.Ordinal));
        (exit, output) = Check(kit);
        Assert.True(exit == 1, output);
        Assert.Matches(@"ERROR  a1\.softmax_diag \(line \d+\): .*sigmoid.*Sigmoid", output);
        Assert.Contains("  ok     a1.softmax_offdiag", output, StringComparison.Ordinal);
        Assert.Contains($"2 of {total} questions answered, 1 problem(s)", output, StringComparison.Ordinal);

        // The course's complete correct sheet: the check passes it and the grader gives it every point.
        File.Copy(Path.Combine(Root, "tests", "Golden", "written", "PassesAll", "answers.yaml"), answers, overwrite: true);
        (exit, output) = Check(kit);
        Assert.True(exit == 0, output);
        Assert.Contains($"{total} of {total} questions answered, 0 problem(s)", output, StringComparison.Ordinal);
        var result = GradingPipeline.Grade(new GradeRequest(answers, "written", Root) { AllowUnsandboxed = true });
        Assert.True(result.Items.Where(i => !i.Bonus).All(i => i.Status == CheckStatus.Passed), string.Join("\n", result.Items.Where(i => i.Status != CheckStatus.Passed).Select(i => i.Id)));
    }

    [Fact]
    public void Check_EveryWrittenGolden_FlagsExactlyTheAnswersTheGraderCannotRead()
    {
        var kit = Kit();
        var problems = new List<string>();
        foreach (var dir in Directory.GetDirectories(WrittenTestKit.GoldenDir).Order(StringComparer.Ordinal))
        {
            File.Copy(Path.Combine(dir, AnswerSheet.FileName), Path.Combine(kit, AnswerSheet.FileName), overwrite: true);
            var (_, output) = Check(kit);
            var flagged = System.Text.RegularExpressions.Regex.Matches(output, @"ERROR  (\S+) \(line").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var report = new WrittenGrader(WrittenTestKit.Bank, new InProcessEvaluator()).Grade(AnswerSheet.Load(Path.Combine(dir, AnswerSheet.FileName)), seed: 20261122);
            var unreadable = report.Questions.Where(q => q.Status is WrittenStatus.SyntaxError or WrittenStatus.CompileError or WrittenStatus.Rejected).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
            // Beyond what the grader cannot read, the check may flag only an answer of the wrong form (a 4x5 matrix
            // where the question asks for 5x4), which the grader also scores 0 ("... matrix, expected a ...").
            var wrongForm = flagged.Except(unreadable).Where(id => report[id].Status == WrittenStatus.Failed && report[id].Message.Contains("expected a", StringComparison.Ordinal));
            if (!unreadable.IsSubsetOf(flagged) || flagged.Except(unreadable).Except(wrongForm).Any())
            {
                problems.Add($"{Path.GetFileName(dir)}: the check flags [{string.Join(", ", flagged.Order())}], the grader cannot read [{string.Join(", ", unreadable.Order())}]\n{output}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
