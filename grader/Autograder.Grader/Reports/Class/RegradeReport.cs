using System.Globalization;
using System.Text;
using Autograder.Grader.Batch;

namespace Autograder.Grader.Reports.Class;

/// <summary>
/// <c>regrade.md</c>: what a batch run changed. Per student whose result changed: the old and new score, the items
/// whose points or status moved, and why (the submission changed, the rubric item changed, or the grader, course
/// library or rubric settings changed), decreases first. Written only by a run that changed an earlier result.
/// </summary>
public static class RegradeReport
{
    public const string FileName = "regrade.md";

    /// <summary>One student's change.</summary>
    public sealed record Change(string Student, double? OldScore, double? NewScore, IReadOnlyList<string> Items, string Why);

    public static IReadOnlyList<Change> Compare(IReadOnlyDictionary<string, StudentRecord> before, IReadOnlyList<StudentRecord> after)
    {
        var changes = new List<Change>();
        foreach (var now in after)
        {
            if (!before.TryGetValue(now.Student, out var old) || old.Result is null || now.Result is null)
            {
                continue;
            }

            var oldItems = old.Result.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
            var moved = now.Result.Items
                .Where(i => !oldItems.TryGetValue(i.Id, out var o) || o.Points != i.Points || o.Status != i.Status)
                .Select(i => oldItems.TryGetValue(i.Id, out var o)
                    ? $"{i.Id} {N(o.Points)} → {N(i.Points)} ({StudentStatus.Name(o.Status)} → {StudentStatus.Name(i.Status)})"
                    : $"{i.Id} new: {N(i.Points)}")
                .ToList();
            if (moved.Count == 0 && old.Result.Score == now.Result.Score)
            {
                continue;
            }

            changes.Add(new Change(now.Student, old.Result.Score, now.Result.Score, moved, Why(old.Stamp, now.Stamp)));
        }

        return [.. changes.OrderBy(c => (c.NewScore ?? 0) - (c.OldScore ?? 0)).ThenBy(c => c.Student, StringComparer.Ordinal)];
    }

    public static string Write(BatchManifest manifest, IReadOnlyList<Change> changes, DateTimeOffset at)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"# {manifest.Assignment}: regrade of {at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC\n\n");
        s.Append(CultureInfo.InvariantCulture, $"{changes.Count} students' results changed ({changes.Count(c => c.NewScore < c.OldScore)} down, {changes.Count(c => c.NewScore > c.OldScore)} up); decreases first.\n\n");
        s.Append("| student | old | new | change | items | why |\n|---|---:|---:|---:|---|---|\n");
        foreach (var c in changes)
        {
            s.Append(CultureInfo.InvariantCulture,
                $"| {c.Student} | {N(c.OldScore ?? 0)} | {N(c.NewScore ?? 0)} | {((c.NewScore ?? 0) - (c.OldScore ?? 0)).ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture)} | {string.Join("; ", c.Items)} | {c.Why} |\n");
        }

        return s.ToString();
    }

    private static string Why(GradingStamp? old, GradingStamp? now)
    {
        if (old is null || now is null)
        {
            return "graded again";
        }

        if (old.SubmissionHash != now.SubmissionHash)
        {
            return "submission changed";
        }

        var items = now.ItemKeys.Where(k => !old.ItemKeys.TryGetValue(k.Key, out var v) || v != k.Value).Select(k => k.Key).ToList();
        if (old.BaseKey != now.BaseKey)
        {
            return "grader, course library or rubric settings changed";
        }

        return items.Count > 0 ? $"rubric item {string.Join(", ", items)} changed" : "graded again";
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
