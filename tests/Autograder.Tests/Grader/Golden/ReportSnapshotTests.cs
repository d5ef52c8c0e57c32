using System.Text.RegularExpressions;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Reports;
using Snapshooter.Xunit;

namespace Autograder.Tests.Grader.Golden;

/// <summary>
/// The text and Markdown reports of one golden submission, compared with committed snapshots
/// (<c>__snapshots__/</c>); timings and the machine's sandbox level are masked. A change to a report's
/// wording shows up here as a reviewable diff: update the snapshot when it is intended.
/// </summary>
public sealed partial class ReportSnapshotTests
{
    private static readonly Lazy<Autograder.Grader.Results.GradeResult> Result = new(() =>
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var folder = Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "FailsReluBackwardAtZero");
        return GradingPipeline.Grade(new GradeRequest(folder, "hw3-fashion-mlp", root) { Seed = 11, AllowUnsandboxed = true });
    });

    [Fact]
    public void TextReport_FailsReluBackwardAtZero_MatchesSnapshot() =>
        Mask(TextReport.Write(Result.Value)).MatchSnapshot();

    [Fact]
    public void MarkdownReport_FailsReluBackwardAtZero_MatchesSnapshot() =>
        Mask(MarkdownReport.Write(Result.Value)).MatchSnapshot();

    private static string Mask(string report) => Timing().Replace(report, "sandbox <sandbox>, <seconds> s)");

    [GeneratedRegex(@"sandbox \w+, [\d.]+ s\)")]
    private static partial Regex Timing();
}
