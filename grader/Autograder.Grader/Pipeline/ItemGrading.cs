using Autograder.Grader.Checks;
using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;
using Autograder.Grader.Intake;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// Grades the automatic items of one submission against one student worker: an item whose file was
/// rejected, did not compile or broke the policy is blocked with that outcome; otherwise its checks run.
/// </summary>
internal sealed class ItemGrading(
    CourseLibrary library, IntakeResult intake, SubmissionBuild build, IExecutor reference, IExecutor student,
    string courseRoot, ulong seed, string scratchDirectory, List<string> messages)
{
    public ItemResult Grade(RubricItem item)
    {
        var files = item.Parts.Select(library.FileOf).OfType<string>().Distinct().ToList();
        var notes = files.Where(intake.Missing.Contains).Select(f => $"{f} was not in the submission").ToList();
        if (files.FirstOrDefault(intake.Rejected.ContainsKey) is { } rejected)
        {
            return ItemScorer.Score(item, ItemScorer.Blocked(item, new Failed($"{rejected} was not accepted: {intake.Rejected[rejected]}")), notes);
        }

        var compiled = build.Compiled;
        if (files.FirstOrDefault(compiled.FailedFiles.ContainsKey) is { } failed)
        {
            var errors = string.Join("\n", compiled.FailedFiles[failed].Take(5));
            return ItemScorer.Score(item, ItemScorer.Blocked(item, new CompileError($"{failed} does not compile:\n{errors}")), notes);
        }

        var violations = build.Violations.Where(v => files.Contains(v.File)).ToList();
        if (violations.Count > 0)
        {
            return ItemScorer.Score(item, ItemScorer.Blocked(item, new PolicyViolated(string.Join("\n", violations.Take(5)))), notes);
        }

        var checks = new List<CheckResult>();
        for (var i = 0; i < item.Checks.Count; i++)
        {
            var environment = new GradingEnvironment(courseRoot, item.Id, i, seed, intake.Logs, scratchDirectory, build.Compiled.AssemblyPath);
            checks.Add(CheckRunner.Run(item.Checks[i], reference, student, environment, messages.Add));
        }

        return ItemScorer.Score(item, [.. checks.Select(c => Blame(item, c))], notes);
    }

    /// <summary>
    /// A check that ran into the kit stub of a part this item does not grade, in a file that did not compile
    /// or broke the policy, says so: "not implemented yet: TODO(linear.init)" would send the student to the wrong place.
    /// </summary>
    private CheckResult Blame(RubricItem item, CheckResult check)
    {
        if (check.Status != CheckStatus.NotImplemented || !check.Outcome.Message.StartsWith("not implemented yet: TODO(", StringComparison.Ordinal))
        {
            return check;
        }

        var part = check.Outcome.Message["not implemented yet: TODO(".Length..].Split(')')[0];
        if (item.Parts.Contains(part) || library.FileOf(part) is not { } file)
        {
            return check;
        }

        if (build.Compiled.FailedFiles.TryGetValue(file, out var errors))
        {
            return check with { Outcome = new CompileError($"this check uses {file}, which does not compile (so it ran the kit's stub):\n{string.Join("\n", errors.Take(3))}") };
        }

        var violations = build.Violations.Where(v => v.File == file).ToList();
        return violations.Count > 0
            ? check with { Outcome = new PolicyViolated($"this check uses {file}, which breaks the submission policy (so it ran the kit's stub):\n{string.Join("\n", violations.Take(3))}") }
            : check;
    }
}
