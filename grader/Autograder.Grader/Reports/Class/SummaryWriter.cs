using System.Globalization;
using System.Text;
using Autograder.Grader.Batch;

namespace Autograder.Grader.Reports.Class;

/// <summary>
/// <c>summary.md</c>: the class at a glance for the instructor. Score statistics and histogram, the
/// item analysis (pass rate, mean points, statuses, most common failure messages) and the submissions
/// that need a look. Deterministic (no timings or dates of the run), like the gradebook.
/// </summary>
public static class SummaryWriter
{
    public const string FileName = "summary.md";

    public static string Write(BatchManifest manifest, IReadOnlyList<StudentRecord> records, ManualGrades? manual = null)
    {
        var scored = records.Where(r => r.Result is not null).Select(r => r.Result!.CoreScore).ToList();
        var stats = ScoreStats.Of(scored);
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"# {manifest.Assignment}: class summary").Append("\n\n");
        if (manifest.Title.Length > 0)
        {
            s.Append(manifest.Title).Append("\n\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"- submissions: {records.Count} ({StatusList(records)})\n");
        s.Append(CultureInfo.InvariantCulture, $"- score out of {N(manifest.MaxScore)}: mean {N(stats.Mean)}, median {N(stats.Median)}, std {N(stats.StdDev)}, min {N(stats.Min)}, max {N(stats.Max)} (n = {stats.Count})\n");
        if (manifest.BonusMax > 0)
        {
            var bonus = records.Where(r => r.Result is not null).Select(r => r.Result!.BonusScore).ToList();
            s.Append(CultureInfo.InvariantCulture, $"- bonus, up to {N(manifest.BonusMax)} on top: mean {N(bonus.Count == 0 ? 0 : bonus.Average())}, earned by {bonus.Count(b => b > 0)} of {bonus.Count}\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"- late: {records.Count(r => r.LateDays > 0)} submissions\n\n");

        s.Append("## Score distribution\n\n").Append(CultureInfo.InvariantCulture, $"![score histogram]({ScoreHistogram.FileName})\n\n");
        s.Append("| score | students | |\n|---|---:|---|\n");
        var bins = ScoreHistogram.Bins(scored, manifest.MaxScore);
        var most = Math.Max(1, bins.Max(b => b.Count));
        for (var i = 0; i < bins.Count; i++)
        {
            var b = bins[i];
            var range = i == bins.Count - 1 ? $"[{N(b.Low)}, {N(b.High)}]" : $"[{N(b.Low)}, {N(b.High)})";
            s.Append(CultureInfo.InvariantCulture, $"| {range} | {b.Count} | {new string('#', (int)Math.Round(30.0 * b.Count / most))} |\n");
        }

        var analysis = ItemAnalysis.Compute(manifest, records, manual: manual);
        s.Append("\n## Item analysis\n\n")
            .Append("Students with a rejected submission, a grader error or no result are not counted here.\n\n")
            .Append("| item | title | points | mean | pass rate | statuses |\n|---|---|---:|---:|---:|---|\n");
        foreach (var a in analysis)
        {
            s.Append(CultureInfo.InvariantCulture,
                $"| {Cell(a.Item.Id)} | {Cell(a.Item.Title)} | {N(a.Item.Points)} | {N(a.MeanPoints)} | {Percent(a.PassRate)} | {string.Join(", ", a.StatusCounts.Select(p => $"{p.Key} {p.Value}"))} |\n");
        }

        s.Append("\n## Most common failure messages\n");
        foreach (var a in analysis.Where(a => a.TopFailures.Count > 0))
        {
            s.Append(CultureInfo.InvariantCulture, $"\n### {a.Item.Id} {a.Item.Title}\n\n");
            foreach (var (message, count) in a.TopFailures)
            {
                s.Append(CultureInfo.InvariantCulture, $"- {count} × `{message.Replace("`", "'", StringComparison.Ordinal)}`\n");
            }
        }

        var attention = records.Where(r => StudentStatus.IsBroken(r.Status)).ToList();
        s.Append("\n## Needs a look\n\n");
        if (attention.Count == 0)
        {
            s.Append("Every submission graded normally.\n");
        }
        else
        {
            s.Append("| student | status | first message |\n|---|---|---|\n");
            foreach (var r in attention)
            {
                var message = FirstProblem(r);
                s.Append(CultureInfo.InvariantCulture, $"| [{Cell(r.Student)}]({Uri.EscapeDataString(r.Student)}/{StudentRecord.FeedbackFile}) | {r.Status} | {Cell(ItemAnalysis.Normalise(message))} |\n");
            }
        }

        return s.ToString();
    }

    /// <summary>What a student who needs a look should be looked at for: the rejection, the grader error, the first check that did not pass, or the first message.</summary>
    public static string FirstProblem(StudentRecord r) =>
        r.Unverified ? "the result files do not carry the grader's MAC (edited on disk); the next batch run regrades them"
        : r.Stamp?.Problem ?? r.Result?.GraderError
        ?? r.Result?.Items.SelectMany(i => i.Checks).Where(c => c.Status != Results.CheckStatus.Passed).Select(c => $"{c.Name}: {c.Outcome.Message}").FirstOrDefault()
        ?? r.Result?.Messages.FirstOrDefault() ?? "no result yet";

    /// <summary>"passed 3, failed 2, ..." by count, then name.</summary>
    public static string StatusList(IReadOnlyList<StudentRecord> records) =>
        string.Join(", ", records.GroupBy(r => r.Status).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

    /// <summary>A share as a whole percentage, e.g. <c>60%</c> (InvariantCulture's "P0" writes "60 %").</summary>
    public static string Percent(double share) => double.IsNaN(share) ? "manual" : (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
