using System.Globalization;
using System.Text;

namespace Autograder.Grader.Batch;

/// <summary>
/// <c>gradebook.csv</c>: one row per student (ordered by id) with the score out of the maximum, and where the
/// rubric has bonus items the bonus earned and the total (score + bonus, what an LMS should record), one
/// column of points per rubric item (headed by its id; <see cref="Legend"/> gives the titles), the late days,
/// the overall status and one status column per item. Built only from the per-student files, with no
/// timings, so any run that holds the same results writes the same bytes.
/// </summary>
public static class Gradebook
{
    public const string FileName = "gradebook.csv";

    public static string ToCsv(BatchManifest manifest, IReadOnlyList<StudentRecord> records)
    {
        var s = new StringBuilder();
        var bonus = manifest.BonusMax > 0;
        var header = new List<string> { "student", "score", "max_score" };
        if (bonus)
        {
            header.AddRange(["bonus", "total"]);
        }

        header.AddRange(manifest.Items.Select(i => i.Id));
        header.AddRange(["late_days", "late_penalty", "status"]);
        header.AddRange(manifest.Items.Select(i => $"{i.Id} status"));
        Line(s, header);

        foreach (var record in records.OrderBy(r => r.Student, StringComparer.Ordinal))
        {
            var result = record.Result;
            var items = result?.Items.ToDictionary(i => i.Id, StringComparer.Ordinal) ?? [];
            var row = new List<string> { record.Student, result is null ? "" : Number(bonus ? result.CoreScore : result.Score), Number(manifest.MaxScore) };
            if (bonus)
            {
                row.AddRange([result is null ? "" : Number(result.BonusScore), result is null ? "" : Number(result.Score)]);
            }

            row.AddRange(manifest.Items.Select(i => items.TryGetValue(i.Id, out var r) ? Number(r.Points) : ""));
            row.AddRange([
                record.LateDays.ToString(CultureInfo.InvariantCulture),
                result is null ? "" : Number(result.LatePenalty),
                record.Status,
            ]);
            row.AddRange(manifest.Items.Select(i => items.TryGetValue(i.Id, out var r) ? StudentStatus.Name(r.Status) : ""));
            Line(s, row);
        }

        return s.ToString();
    }

    /// <summary>The item ids of the gradebook's columns with their titles, points and whether they are bonus: <c>gradebook-items.csv</c>.</summary>
    public static string Legend(BatchManifest manifest)
    {
        var s = new StringBuilder();
        Line(s, ["id", "title", "points", "bonus", "visibility"]);
        foreach (var item in manifest.Items)
        {
            Line(s, [item.Id, item.Title, Number(item.Points), item.Bonus ? "yes" : "no", item.Visibility]);
        }

        return s.ToString();
    }

    public const string LegendFileName = "gradebook-items.csv";

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder s, IEnumerable<string> cells) =>
        s.Append(string.Join(",", cells.Select(Quote))).Append('\n');

    // RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
