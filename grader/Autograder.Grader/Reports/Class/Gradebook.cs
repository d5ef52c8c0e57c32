using System.Globalization;
using System.Text;
using Autograder.Grader.Batch;

namespace Autograder.Grader.Reports.Class;

/// <summary>
/// <c>gradebook.csv</c>: one row per student (ordered by id) with the score out of the maximum, and where the
/// rubric has bonus items the bonus earned, where it has manual items the staff's points (<see cref="ManualGrades"/>;
/// an item not graded yet is <c>pending</c>; a deduction item counts negative and adds nothing to the maximum), and
/// then the total (what an LMS should record; never below 0), one
/// column of points per rubric item (headed by its id; <see cref="Legend"/> gives the titles), the late days,
/// the overall status and one status column per item. Built only from the per-student files, with no
/// timings, so any run that holds the same results writes the same bytes.
/// </summary>
public static class Gradebook
{
    public const string FileName = "gradebook.csv";

    public static string ToCsv(BatchManifest manifest, IReadOnlyList<StudentRecord> records, ManualGrades? manualGrades = null)
    {
        var s = new StringBuilder();
        var bonus = manifest.BonusMax > 0;
        var manualItems = manifest.Items.Where(i => i.Manual).ToList();
        var manual = manualItems.Count > 0;
        var manualMax = manualItems.Sum(i => i.ManualMax);
        var header = new List<string> { "student", "score", "max_score" };
        if (bonus)
        {
            header.Add("bonus");
        }

        if (manual)
        {
            header.AddRange(["manual", "manual_max", "manual_pending"]);
        }

        if (bonus || manual)
        {
            header.AddRange(["total", "total_max"]);
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
                row.Add(result is null ? "" : Number(result.BonusScore));
            }

            var given = manualItems.Select(i => (Item: i, Grade: manualGrades?.Get(record.Student, i.Id))).ToList();
            var manualPoints = given.Sum(g => g.Grade is { } grade ? g.Item.Signed(grade.Points) : 0);
            if (manual)
            {
                row.AddRange([Number(manualPoints), Number(manualMax), given.Count(g => g.Grade is null).ToString(CultureInfo.InvariantCulture)]);
            }

            if (bonus || manual)
            {
                row.AddRange([result is null ? "" : Number(Math.Max(0, result.Score + manualPoints)), Number(manifest.MaxScore + manualMax)]);
            }

            row.AddRange(manifest.Items.Select(i => i.Manual
                ? manualGrades?.Get(record.Student, i.Id) is { } g ? Number(i.Signed(g.Points)) : "pending"
                : items.TryGetValue(i.Id, out var r) ? Number(r.Points) : ""));
            row.AddRange([
                record.LateDays.ToString(CultureInfo.InvariantCulture),
                result is null ? "" : Number(result.LatePenalty),
                record.Status,
            ]);
            row.AddRange(manifest.Items.Select(i => i.Manual
                ? manualGrades?.Get(record.Student, i.Id) is null ? "pending" : "graded"
                : items.TryGetValue(i.Id, out var r) ? StudentStatus.Name(r.Status) : ""));
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

    private static void Line(StringBuilder s, IEnumerable<string> cells) => Csv.Line(s, cells);
}
