using Autograder.Grader.Batch;
using Autograder.Grader.Reports.Class;

namespace Autograder.Tests.Batch;

public sealed class BatchRunnerTests
{
    private static readonly BatchClass Class = BatchClass.Instance;

    private static string Status(Dictionary<string, string[]> rows, string student, string output)
    {
        var header = File.ReadLines(Path.Combine(output, Gradebook.FileName)).First().Split(',');
        return rows[student][Array.IndexOf(header, "status")];
    }

    [Fact]
    public void Batch_MixedClass_GivesEveryStudentARowWithItsStatus()
    {
        var rows = BatchClass.Rows(Class.Output);

        Assert.Equal(BatchClass.Students, rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("passed", Status(rows, "alice", Class.Output));
        Assert.Equal("passed", Status(rows, "bob", Class.Output));
        Assert.Equal("failed", Status(rows, "carol", Class.Output));
        Assert.Equal("compile_error", Status(rows, "dave", Class.Output));
        Assert.Equal("rejected", Status(rows, "erin", Class.Output));
        Assert.Equal("timeout", Status(rows, "frank", Class.Output));
        Assert.Equal("14", rows["alice"][1]);
        Assert.Equal("14", rows["alice"][2]);
        Assert.Equal("0", rows["erin"][1]);
        Assert.Equal(6, Class.Run.Graded);
        Assert.Equal(3, Class.Run.Failures);
    }

    [Fact]
    public void Batch_EachStudent_GetsResultsAndFeedbackThatAgree()
    {
        foreach (var student in BatchClass.Students)
        {
            var dir = Path.Combine(Class.Output, student);
            var result = ResultReader.Read(File.ReadAllText(Path.Combine(dir, StudentRecord.ResultsFile)));
            var feedback = File.ReadAllText(Path.Combine(dir, StudentRecord.FeedbackFile));
            Assert.StartsWith($"# fake-course: {result.Score:0.##} / {result.MaxScore:0.##}", feedback, StringComparison.Ordinal);
            Assert.NotNull(GradingStamp.TryRead(dir));
        }

        var erin = File.ReadAllText(Path.Combine(Class.Output, "erin", StudentRecord.FeedbackFile));
        Assert.Contains("not a readable zip file", erin, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_ItemAnalysis_CountsPassRatesAndCommonFailures()
    {
        var summary = File.ReadAllText(Path.Combine(Class.Output, SummaryWriter.FileName));

        // Item 2 (ReLU): alice, bob pass; carol fails; dave's ReLU does not compile; frank's ReLU is fine (the loop is in Affine).
        Assert.Contains("| 2 | ReLU | 4 |", summary, StringComparison.Ordinal);
        Assert.Contains("| 60% |", summary, StringComparison.Ordinal);
        Assert.Contains("### 2 ReLU", summary, StringComparison.Ordinal);
        Assert.Contains("| [erin](erin/feedback.md) | rejected |", summary, StringComparison.Ordinal);
        Assert.Contains("| [frank](frank/feedback.md) | timeout | forward Affine: did not finish within 6 s", summary, StringComparison.Ordinal);
        Assert.Contains("![score histogram](histogram.png)", summary, StringComparison.Ordinal);
        var png = File.ReadAllBytes(Path.Combine(Class.Output, ScoreHistogram.FileName));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void Rerun_NothingChanged_ReusesEveryResultAndWritesTheSameGradebook()
    {
        var output = BatchClass.CopyOf(Class.Output);

        var run = BatchRunner.Run(BatchClass.Options(Class.Folder, output));

        Assert.Equal((6, 0, 0), (run.Cached, run.Graded, run.Partial));
        Assert.False(File.Exists(Path.Combine(output, RegradeReport.FileName)), "a run that changed nothing wrote regrade.md");
        Assert.Equal(File.ReadAllBytes(Path.Combine(Class.Output, Gradebook.FileName)), File.ReadAllBytes(Path.Combine(output, Gradebook.FileName)));
    }

    [Fact]
    public void Rerun_RubricWithAManualItem_ReusesEveryResult()
    {
        // Gradings leave manual items out of their results; the cache must not read that as a changed item list.
        var rubric = BatchClass.Template.Rubric!;
        var withManual = rubric with { Items = [.. rubric.Items, rubric.Items[0] with { Id = "essay", Manual = true, Checks = [] }] };
        var options = BatchClass.Options(Class.Folder, Directory.CreateTempSubdirectory("batch-manual-").FullName) with { Template = BatchClass.Template with { Rubric = withManual } };
        var first = BatchRunner.Run(options);

        var again = BatchRunner.Run(options);

        Assert.Equal(0, first.Cached);
        Assert.Equal((first.Total, 0, 0), (again.Cached, again.Graded, again.Partial));
    }

    [Fact]
    public void Rerun_OneSubmissionChangedAndOneResultInterrupted_RegradesOnlyThose()
    {
        var folder = BatchClass.CopyOf(Class.Folder);
        var output = BatchClass.CopyOf(Class.Output);
        var relu = Path.Combine(folder, "carol", "Layers", "Relu.cs");
        File.WriteAllText(relu, File.ReadAllText(relu).Replace("return gradOutput * (x >= 0.0);", "return gradOutput * (x > 0.0);", StringComparison.Ordinal));
        File.Delete(Path.Combine(output, "alice", GradingStamp.FileName));   // as if killed before the stamp was written

        var run = BatchRunner.Run(BatchClass.Options(folder, output));

        Assert.Equal((4, 2), (run.Cached, run.Graded));
        Assert.Equal("passed", Status(BatchClass.Rows(output), "carol", output));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp-*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Rerun_WithRegrade_GradesEverythingAgainWithTheSameScores()
    {
        var folder = BatchClass.CopyOf(Class.Folder);
        Directory.Delete(Path.Combine(folder, "frank"), recursive: true);
        var output = BatchClass.CopyOf(Class.Output);

        var run = BatchRunner.Run(BatchClass.Options(folder, output) with { Regrade = true });

        Assert.Equal((0, 5), (run.Cached, run.Graded));
        var before = BatchClass.Rows(Class.Output);
        var after = BatchClass.Rows(output);
        Assert.DoesNotContain("frank", after.Keys);
        Assert.All(after, row => Assert.Equal(before[row.Key], row.Value));
    }

    [Fact]
    public void RubricChange_OneItem_RegradesOnlyThatItemAndMatchesAFullRegrade()
    {
        var output = BatchClass.CopyOf(Class.Output);
        var rubric = BatchClass.Template.Rubric!;
        var changed = rubric with { Items = [.. rubric.Items.Select(i => i.Id == "2" ? i with { Points = 8 } : i)] };
        var options = BatchClass.Options(Class.Folder, output) with { Template = BatchClass.Template with { Rubric = changed } };

        var run = BatchRunner.Run(options);

                Assert.Equal((0, 6, 0), (run.Cached, run.Partial, run.Graded));
        var alice = ResultReader.Read(File.ReadAllText(Path.Combine(output, "alice", StudentRecord.ResultsFile)));
        Assert.Equal((18.0, 18.0), (alice.Score, alice.MaxScore));
        // The regrade is audited: who changed, from what to what, and why.
        var regrade = File.ReadAllText(Path.Combine(output, RegradeReport.FileName));
        Assert.Contains("| alice | 14 | 18 | +4 | 2 4 → 8 (passed → passed) | rubric item 2 changed |", regrade, StringComparison.Ordinal);
        var subset = Directory.CreateTempSubdirectory("batch-subset-").FullName;
        Directory.Move(BatchClass.CopyOf(Path.Combine(Class.Folder, "carol")), Path.Combine(subset, "carol"));
        var fullOutput = Directory.CreateTempSubdirectory("batch-full-").FullName;
        var full = BatchRunner.Run(options with { SubmissionsFolder = subset, OutputFolder = fullOutput });
        Assert.Equal(1, full.Graded);
        Assert.Equal(BatchClass.Rows(fullOutput)["carol"], BatchClass.Rows(output)["carol"]);
    }
}
