using System.Collections.Concurrent;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports;
using Autograder.Grader.Results;

namespace Autograder.Tests.Grader.Golden;

/// <summary>
/// The evidence that the grader scores what it should: every folder under <c>tests/Golden/&lt;assignment&gt;/</c>
/// (named by outcome, holding only what students submit) is graded by the real pipeline against the
/// real rubric, and must score exactly what its <c>expected.json</c> says, item by item. Gradings run
/// two at a time and share the process's parsed course library.
/// </summary>
[Trait("Category", "Slow")]
public sealed class GoldenSubmissionTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    /// <summary>The assignments whose goldens this test grades (the written helper tests tests/Golden/written itself).</summary>
    private static readonly string[] Assignments = ["hw3-fashion-mlp", "hw6-dnn-cnn", "a1-mnist-softmax", "hw5-neuralnet-cli"];

    /// <summary>
    /// The golden folders of assignments whose rubric and profile agree (every part the rubric grades is
    /// assigned) and whose provided programs exist; <see cref="Rubrics_GradeOnlyAssignedParts"/> reports the others.
    /// </summary>
    public static IEnumerable<string> Folders() =>
        Assignments
            .Where(id => Mismatch(id) is null)
            .Select(id => Path.Combine(Root, "tests", "Golden", id))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories)
            .Where(d => File.Exists(Path.Combine(d, "expected.json")))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Grade_EveryGoldenSubmission_ScoresWhatItsNameSays()
    {
        var folders = Folders().ToList();
        Assert.True(folders.Count >= 9, $"expected the golden submissions under tests/Golden, found {folders.Count}");
        var problems = new ConcurrentBag<string>();
        Parallel.ForEach(folders, new ParallelOptions { MaxDegreeOfParallelism = 2 }, folder =>
        {
            var id = Path.GetFileName(Path.GetDirectoryName(folder))!;
            var name = $"{id}/{Path.GetFileName(folder)}";
            var result = GradingPipeline.Grade(new GradeRequest(Goldens.Of(id, folder), id, Root) { AllowUnsandboxed = true });
            foreach (var problem in Compare(GoldenExpectation.Load(Path.Combine(folder, "expected.json")), result))
            {
                problems.Add($"{name}: {problem}");
            }
        });

        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Rubrics_GradeOnlyAssignedParts()
    {
        var problems = Assignments.Select(Mismatch).OfType<string>().ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Why the assignment's goldens cannot be graded yet, or null.</summary>
    private static string? Mismatch(string id)
    {
        var profilePath = Path.Combine(Root, "rubrics", $"{id}.assignment.yaml");
        if (!File.Exists(profilePath))
        {
            return $"{id}: no assignment profile at {profilePath}";
        }

        var profile = GradingPipeline.LoadAssignment(Root, id);
        var rubric = Autograder.Grader.Rubrics.RubricLoader.Load(Path.Combine(Root, "rubrics", $"{id}.rubric.yaml"));
        var unassigned = rubric.Items.SelectMany(i => i.Parts).Distinct().Where(p => !profile.Parts.Contains(p)).ToList();
        if (unassigned.Count > 0)
        {
            return $"{id}: the rubric grades parts the profile does not assign: {string.Join(", ", unassigned)}";
        }

        var programs = rubric.Items.SelectMany(i => i.Checks).Select(c => c.Program).OfType<string>().Distinct();
        return programs.FirstOrDefault(p => !Directory.Exists(Path.Combine(Root, p))) is { } missing ? $"{id}: the provided program {missing} does not exist" : null;
    }

    [Fact]
    public void Folders_EachHoldOnlyWhatStudentsSubmit()
    {
        foreach (var folder in Folders())
        {
            var id = Path.GetFileName(Path.GetDirectoryName(folder))!;
            var profile = GradingPipeline.LoadAssignment(Root, id);
            var rubric = Autograder.Grader.Rubrics.RubricLoader.Load(Path.Combine(Root, "rubrics", $"{id}.rubric.yaml"));
            var allowed = profile.Files.Concat(rubric.Logs).Append("expected.json").ToHashSet(StringComparer.Ordinal);
            var present = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'));

            Assert.All(present, f => Assert.True(allowed.Contains(f), $"{folder}: {f} is not something students submit for {id}"));
        }
    }

    [Fact]
    public void Folders_AreTheReferenceOrTheKitOrASmallVisibleChange()
    {
        foreach (var folder in Folders())
        {
            var id = Path.GetFileName(Path.GetDirectoryName(folder))!;
            var name = Path.GetFileName(folder);
            foreach (var file in GradingPipeline.LoadAssignment(Root, id).Files.Where(f => File.Exists(Path.Combine(folder, f))))
            {
                var golden = File.ReadAllLines(Path.Combine(folder, file));
                var reference = File.ReadAllLines(Path.Combine(Root, "reference", "NeuralNet", file));
                Assert.False(Autograder.Grader.Examples.ExampleSubmission.FromKit(folder), $"{id}/{name}/{file}: a case built on the kit (\"kit\": true) holds no library file of its own");

                // A golden is the reference with a small, visible bug: at most a dozen lines added or removed per file.
                var changed = golden.Except(reference).Count() + reference.Except(golden).Count();
                Assert.True(name != "PassesAll" ? changed <= 12 : changed == 0, $"{id}/{name}/{file}: {changed} lines differ from the reference (stale golden?)");
            }
        }
    }

    internal static IEnumerable<string> Compare(GoldenExpectation expected, GradeResult result)
    {
        if (result.GraderError is { } error)
        {
            yield return $"the grader failed: {error}";
            yield break;
        }

        if (Math.Abs(result.Score - expected.Score) > 1e-9)
        {
            yield return $"score {result.Score} (expected {expected.Score})\n{TextReport.Write(result)}";
        }

        if (expected.SubmissionMessageContains is { } message && !result.Messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
        {
            yield return $"no submission message contains '{message}': {string.Join(" | ", result.Messages)}";
        }

        if (expected.NoteContains is { } note && !result.Items.SelectMany(i => i.Notes).Any(n => n.Contains(note, StringComparison.Ordinal)))
        {
            yield return $"no item note contains '{note}': {string.Join(" | ", result.Items.SelectMany(i => i.Notes))}";
        }

        foreach (var (itemId, want) in expected.Items)
        {
            var item = result.Items.FirstOrDefault(i => i.Id == itemId);
            if (item is null)
            {
                yield return $"item {itemId} is not in the result";
                continue;
            }

            var messages = string.Join(" | ", item.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => c.Outcome.Message));
            if (Math.Abs(item.Points - want.Points) > 1e-9 || Names.Of(item.Status) != want.Status)
            {
                yield return $"{itemId}: {item.Points} points, {Names.Of(item.Status)} (expected {want.Points}, {want.Status}): {messages}";
            }

            // A passing item can carry a warning (an input modified in place): every check's message counts.
            if (want.MessageContains is { } text && !string.Join(" | ", item.Checks.Select(c => c.Outcome.Message)).Contains(text, StringComparison.Ordinal))
            {
                yield return $"{itemId}: no message contains '{text}': {messages}";
            }

            if (want.OutputContains is { } printed && !item.Checks.Any(c => c.Output?.Contains(printed, StringComparison.Ordinal) == true))
            {
                yield return $"{itemId}: no check captured the output '{printed}'";
            }

            if (want.NoteContains is { } itemNote && !item.Notes.Any(n => n.Contains(itemNote, StringComparison.Ordinal)))
            {
                yield return $"{itemId}: no note contains '{itemNote}': {string.Join(" | ", item.Notes)}";
            }

            if (want.Direct && item.Notes.Count > 0)
            {
                yield return $"{itemId}: expected to be graded by its own checks, but it has notes: {string.Join(" | ", item.Notes)}";
            }
        }

        foreach (var extra in result.Items.Where(i => !expected.Items.ContainsKey(i.Id)))
        {
            yield return $"item {extra.Id} ({extra.Points} points) is not in expected.json";
        }

        if (expected.MessagesStartWith is { } prefix)
        {
            foreach (var check in result.Items.SelectMany(i => i.Checks).Where(c => c.Status != CheckStatus.Passed && !c.Outcome.Message.StartsWith(prefix, StringComparison.Ordinal)))
            {
                yield return $"'{check.Name}': message does not start with '{prefix}': {check.Outcome.Message}";
            }
        }
    }
}
