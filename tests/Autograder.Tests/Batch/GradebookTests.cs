using Autograder.Grader.Batch;
using Autograder.Grader.Reports;
using Autograder.Grader.Reports.Class;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Batch;

public sealed class GradebookTests
{
    private static readonly BatchManifest Manifest = new("hw", "Homework", "key", 10, null,
        [new ManifestItem("1", "Linear, forward", 6, "visible"), new ManifestItem("2", "ReLU", 4, "hidden")], ["ann", "bo"]);

    private static GradeResult Result(string name, double p1, CheckStatus s1, double p2, CheckStatus s2, double penalty = 0) =>
        new("hw", name, 7, "hash", Math.Round((p1 + p2) * (1 - penalty), 4), 10, "full",
            [
                new ItemResult("1", "Linear, forward", p1, 6, Visibility.Visible, [new CheckResult("forward", "forward", CheckOutcome.Of(s1, "expected 0.25, got 0.5\nat index (0, 1)"), 1, 3, 12.5)], []),
                new ItemResult("2", "ReLU", p2, 4, Visibility.Hidden, [new CheckResult("backward", "backward", CheckOutcome.Of(s2, "ok"), 3, 3, 1, "printed \"x\"")], ["a note"]),
            ],
            ["submission: fine"], 1.5, "1.0", penalty);

    [Fact]
    public void ToCsv_TwoStudents_WritesItemColumnsStatusesAndQuotesCommas()
    {
        var records = new[]
        {
            new StudentRecord("bo", Result("bo", 2, CheckStatus.Failed, 4, CheckStatus.Passed), Stamp("bo", lateDays: 2)),
            new StudentRecord("ann", Result("ann", 6, CheckStatus.Passed, 4, CheckStatus.Passed), Stamp("ann", lateDays: 0)),
        };

        var lines = Gradebook.ToCsv(Manifest, records).Split('\n');

        Assert.Equal("student,score,max_score,1,2,late_days,late_penalty,status,1 status,2 status", lines[0]);
        Assert.Equal("ann,10,10,6,4,0,0,passed,passed,passed", lines[1]);
        Assert.Equal("bo,6,10,2,4,2,0,failed,failed,passed", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public void Legend_GivesEachColumnIdItsTitleQuoted()
    {
        var lines = Gradebook.Legend(Manifest).Split('\n');

        Assert.Equal("id,title,points,bonus,visibility", lines[0]);
        Assert.StartsWith("1,\"Linear, forward\",", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void ToCsv_StudentWithoutResult_IsListedAsMissing()
    {
        var csv = Gradebook.ToCsv(Manifest, [new StudentRecord("ann", null, null)]);

        Assert.Equal("ann,,10,,,0,,missing,,", csv.Split('\n')[1]);
    }

    [Fact]
    public void ToCsv_ManualDeduction_CountsAgainstTheTotalAndNotTowardTheMaximum()
    {
        var manifest = Manifest with
        {
            Items = [.. Manifest.Items, new ManifestItem("3", "Plot", 2, "visible", Manual: true), new ManifestItem("4", "Notation (deduction)", 1, "visible", Manual: true, Deduction: true)],
        };
        var grades = ManualGrades.Parse("student,item,points\nann,3,2\nann,4,1\nbo,3,1\n", "grades.csv", manifest);
        var records = new[]
        {
            new StudentRecord("ann", Result("ann", 6, CheckStatus.Passed, 4, CheckStatus.Passed), Stamp("ann", 0)),
            new StudentRecord("bo", Result("bo", 2, CheckStatus.Failed, 4, CheckStatus.Passed), Stamp("bo", 0)),
        };

        var lines = Gradebook.ToCsv(manifest, records, grades).Split('\n');

        Assert.StartsWith("student,score,max_score,manual,manual_max,manual_pending,total,total_max,1,2,3,4,", lines[0], StringComparison.Ordinal);
        // ann: 10 automatic + 2 manual - 1 deducted, out of 10 + 2 (the deduction adds nothing to the maximum).
        Assert.StartsWith("ann,10,10,1,2,0,11,12,6,4,2,-1,", lines[1], StringComparison.Ordinal);
        // bo: the deduction not looked at yet is pending, like any manual item, and takes nothing off.
        Assert.StartsWith("bo,6,10,1,2,1,7,12,2,4,1,pending,", lines[2], StringComparison.Ordinal);
        Assert.Contains("| 4 | Notation (deduction) | -1 (a deduction of up to 1) |", BatchOutput.ManualFeedback(manifest, grades, "ann"), StringComparison.Ordinal);
        Assert.Equal(-1, ItemAnalysis.Compute(manifest, records, manual: grades).Single(s => s.Item.Id == "4").MeanPoints);
    }

    [Fact]
    public void ResultReader_ReadsBackWhatJsonReportWrote()
    {
        var result = Result("ann", 1.5, CheckStatus.CompileError, 0, CheckStatus.Timeout, penalty: 0.1) with { GraderError = "boom", Seed = ulong.MaxValue };

        var json = JsonReport.Write(result);

        Assert.Equal(json, JsonReport.Write(ResultReader.Read(json)));
    }

    [Fact]
    public void StudentStatus_PicksTheMostSeriousItemStatus()
    {
        Assert.Equal("timeout", StudentStatus.Of(Result("a", 0, CheckStatus.Failed, 0, CheckStatus.Timeout), null));
        Assert.Equal("failed", StudentStatus.Of(Result("a", 0, CheckStatus.Failed, 0, CheckStatus.NotImplemented), null));
        Assert.Equal("passed", StudentStatus.Of(Result("a", 6, CheckStatus.Passed, 4, CheckStatus.Passed), null));
        Assert.Equal("rejected", StudentStatus.Of(Result("a", 6, CheckStatus.Passed, 4, CheckStatus.Passed), "bad zip"));
        Assert.Equal("missing", StudentStatus.Of(null, null));
    }

    [Fact]
    public void ItemAnalysis_GroupsMessagesThatDifferOnlyInDecimals()
    {
        var records = new[]
        {
            new StudentRecord("ann", Result("ann", 2, CheckStatus.Failed, 4, CheckStatus.Passed), Stamp("ann", 0)),
            new StudentRecord("bo", Result("bo", 2, CheckStatus.Failed, 4, CheckStatus.Passed) with
            {
                Items = [Result("bo", 2, CheckStatus.Failed, 4, CheckStatus.Passed).Items[0] with
                {
                    Checks = [new CheckResult("forward", "forward", new Failed("expected 0.75, got 0.125"), 0, 3, 1)],
                }, Result("bo", 2, CheckStatus.Failed, 4, CheckStatus.Passed).Items[1]],
            }, Stamp("bo", 0)),
        };

        var analysis = ItemAnalysis.Compute(Manifest, records);

        Assert.Equal(0.0, analysis[0].PassRate);
        Assert.Equal(1.0, analysis[1].PassRate);
        Assert.Equal(2.0, analysis[0].MeanPoints);
        Assert.Equal(KeyValuePair.Create("forward: expected …, got …", 2), Assert.Single(analysis[0].TopFailures));
    }

    private static GradingStamp Stamp(string student, int lateDays) =>
        new(student, student, "h", "k", new Dictionary<string, string>(), "sha", null, lateDays, null, 1);
}
