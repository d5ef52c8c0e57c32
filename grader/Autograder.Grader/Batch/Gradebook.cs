using System.Globalization;
using System.Text;

namespace Autograder.Grader.Batch;

/// <summary>
/// <c>gradebook.csv</c>: one row per student (ordered by id) with the total, one column of points per
/// rubric item, the late days, the overall status and one status column per item. Built only from the
/// per-student files, with no timings, so any run that holds the same results writes the same bytes.
/// </summary>
public static class Gradebook
{
    public const string FileName = "gradebook.csv";

    public static string ToCsv(BatchManifest manifest, IReadOnlyList<StudentRecord> records)
    {
        var s = new StringBuilder();
        var header = new List<string> { "student", "score", "max_score" };
        header.AddRange(manifest.Items.Select(i => $"{i.Id} {i.Title}"));
        header.AddRange(["late_days", "late_penalty", "status"]);
        header.AddRange(manifest.Items.Select(i => $"{i.Id} status"));
        Line(s, header);

        foreach (var record in records.OrderBy(r => r.Student, StringComparer.Ordinal))
        {
            var result = record.Result;
            var items = result?.Items.ToDictionary(i => i.Id, StringComparer.Ordinal) ?? [];
            var row = new List<string> { record.Student, result is null ? "" : Number(result.Score), Number(manifest.MaxScore) };
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

    public static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder s, IEnumerable<string> cells) =>
        s.Append(string.Join(",", cells.Select(Quote))).Append('\n');

    // RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
