using Autograder.Grader.Batch;
using Autograder.Grader.Execution;
using Autograder.Grader.Reports;
using Autograder.Grader.Reports.Class;
using Autograder.Grader.Results;

namespace Autograder.Tests.Security;

/// <summary>
/// The evidence that hostile submissions are contained (issue 8): each folder under
/// <c>tests/Adversarial/hw3-fashion-mlp/</c> is a real attempt against the kit's API, graded by the real
/// pipeline in one batch with the PassesAll control (<see cref="AdversarialSuite"/>). Every attack must
/// get a result file, score exactly what its expected.json says on the items it attacks, lose nothing
/// on the others, and leave the host as it was. docs/security.md tabulates the outcomes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AdversarialSubmissionTests(AdversarialSuite suite) : IClassFixture<AdversarialSuite>
{
    private static readonly string[] Categories = ["resource", "escape", "deception", "intake"];

    private static readonly string[] Layers = ["intake", "compile", "policy", "sandbox", "host check"];

    [Fact]
    public void Suite_HasThirtyAttacksCoveringEveryCategory()
    {
        var byCategory = suite.Expectations.GroupBy(e => e.Value.Category).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(suite.Expectations.Count >= 30, $"{suite.Expectations.Count} attacks; the issue asks for at least 30");
        Assert.All(Categories, c => Assert.True(byCategory.GetValueOrDefault(c) >= 4, $"category {c}: {byCategory.GetValueOrDefault(c)} attacks"));
        Assert.All(suite.Expectations, e => Assert.Contains(e.Value.Category, Categories));
        Assert.All(suite.Expectations, e => Assert.Contains(e.Value.StoppedBy, Layers));
        Assert.All(suite.Expectations, e => Assert.False(string.IsNullOrWhiteSpace(e.Value.Attack), $"{e.Key}: no attack description"));
    }

    [Fact]
    public void Grade_EveryAttack_WritesAResultFileWithoutAGraderError()
    {
        var problems = new List<string>();
        foreach (var name in suite.Expectations.Keys.Append(AdversarialSuite.Control))
        {
            var path = Path.Combine(suite.Output, name, StudentRecord.ResultsFile);
            if (!File.Exists(path))
            {
                problems.Add($"{name}: no {StudentRecord.ResultsFile}");
                continue;
            }

            var written = ResultReader.Read(File.ReadAllText(path));
            if (written.GraderError is { } error)
            {
                problems.Add($"{name}: the grader failed: {error}");
            }

            if (Math.Abs(written.Score - suite.Record(name).Result!.Score) > 1e-9)
            {
                problems.Add($"{name}: the result file says {written.Score}, the grading {suite.Record(name).Result!.Score}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Grade_EveryAttack_EarnsExactlyItsExpectationOnTheItemsItAttacks()
    {
        var problems = new List<string>();
        foreach (var (name, expected) in suite.Expectations)
        {
            var result = suite.Record(name).Result!;
            foreach (var (id, want) in expected.Items)
            {
                var item = result.Items.SingleOrDefault(i => i.Id == id);
                if (item is null)
                {
                    problems.Add($"{name}: item {id} is not in the result");
                    continue;
                }

                var messages = string.Join(" | ", item.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => c.Outcome.Message));
                if (Math.Abs(item.Points - want.Points) > 1e-9 || !want.Status.Split('|').Contains(Names.Of(item.Status)))
                {
                    problems.Add($"{name}: {id}: {item.Points} points, {Names.Of(item.Status)} (expected {want.Points}, {want.Status}): {Cut(messages)}");
                }

                if (want.MessageContains is { } text && !text.Split('|').Any(t => messages.Contains(t, StringComparison.Ordinal)))
                {
                    problems.Add($"{name}: {id}: no message contains '{text}': {Cut(messages)}");
                }
            }

            if (Math.Abs(result.Score - expected.Score) > 1e-9)
            {
                problems.Add($"{name}: score {result.Score} (expected {expected.Score})\n{TextReport.Write(result)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Grade_EveryAttack_LosesNothingOnTheItemsItDoesNotAttack()
    {
        var control = suite.Record(AdversarialSuite.Control).Result!;
        Assert.All(control.Items, i => Assert.Equal(CheckStatus.Passed, i.Status));
        var problems = new List<string>();
        foreach (var (name, expected) in suite.Expectations)
        {
            var result = suite.Record(name).Result!;
            foreach (var item in result.Items.Where(i => !expected.Items.ContainsKey(i.Id)))
            {
                var same = control.Items.Single(i => i.Id == item.Id);
                if (Math.Abs(item.Points - same.Points) > 1e-9 || item.Status != same.Status)
                {
                    problems.Add($"{name}: {item.Id} scored {item.Points} ({Names.Of(item.Status)}); PassesAll scores {same.Points} ({Names.Of(same.Status)})");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Grade_NoAttack_ForgesPoints()
    {
        var control = suite.Record(AdversarialSuite.Control).Result!;
        foreach (var (name, expected) in suite.Expectations)
        {
            var result = suite.Record(name).Result!;
            foreach (var id in expected.Items.Keys)
            {
                var attacked = result.Items.Single(i => i.Id == id);
                var honest = control.Items.Single(i => i.Id == id);

                // An attacked item never scores full marks and never more than its expectation says.
                Assert.True(attacked.Points < honest.Points, $"{name}: {id} scored {attacked.Points} of {honest.Points} although it was attacked");
            }
        }
    }

    [Fact]
    public void Batch_AllAttacksTogether_CompletesWithARowPerSubmission()
    {
        var students = suite.Expectations.Keys.Append(AdversarialSuite.Control).Order(StringComparer.Ordinal).ToList();
        var rows = File.ReadAllLines(Path.Combine(suite.Output, Gradebook.FileName)).Skip(1).Where(l => l.Length > 0).ToList();

        Assert.Equal(students.Count, suite.Run.Total);
        Assert.Equal(students.Count, suite.Run.Records.Count);
        Assert.Equal(students, suite.Run.Records.Select(r => r.Student).Order(StringComparer.Ordinal));
        Assert.Equal(students.Count, rows.Count);
        Assert.All(students, s => Assert.Contains(rows, r => r.Split(',')[0].Trim('"') == s));
        Assert.All(suite.Run.Records, r => Assert.Null(r.Result!.GraderError));
    }

    [Fact]
    public void Host_IsUntouched_NoFilesChangedOutsideTheWorkFolderAndNoProcessesLeft()
    {
        Assert.True(suite.HostChanges.Count == 0, "host-side effects:\n" + string.Join("\n", suite.HostChanges));
        Assert.True(suite.LeftoverProcesses.Count == 0, "processes left behind:\n" + string.Join("\n", suite.LeftoverProcesses));
        Assert.Empty(Directory.EnumerateFileSystemEntries(suite.WorkRoot));
    }

    [Fact]
    public void Grade_WhereBubblewrapWorks_RunsEverySubmissionInTheFullSandbox()
    {
        var sandboxes = suite.Run.Records.Where(r => r.Result is { GraderError: null }).Select(r => r.Result!.Sandbox).Distinct().ToList();

        Assert.Equal([SandboxLauncher.Name], sandboxes);
    }

    [Fact]
    public void OutputFlood_IsCappedInTheResult()
    {
        var result = suite.Record("OutputFlood100MB").Result!;
        var printed = result.Items.SelectMany(i => i.Checks).Sum(c => c.Output?.Length ?? 0);
        var file = new FileInfo(Path.Combine(suite.Output, "OutputFlood100MB", StudentRecord.ResultsFile)).Length;

        Assert.InRange(printed, 1, 1_000_000);
        Assert.InRange(file, 1, 2_000_000);
        Assert.Contains(result.Items.SelectMany(i => i.Checks), c => c.Output?.Contains("[cut: ", StringComparison.Ordinal) == true);
        Assert.All(result.Items.SelectMany(i => i.Checks), c => Assert.True((c.Output?.Length ?? 0) <= Autograder.Grader.Results.TextLimit.MaxChars + 64, $"{c.Name}: {c.Output?.Length} characters of output kept"));
    }

    [Fact]
    public void Suite_RunsWithinItsTimeBudget()
    {
        // Two cores, two gradings at a time: the suite is meant to take a few minutes, not a quarter of an hour.
        Assert.True(suite.Elapsed < TimeSpan.FromMinutes(15), $"the adversarial batch took {suite.Elapsed}");
    }

    private static string Cut(string text) => text.Length <= 600 ? text : text[..600] + "...";
}
