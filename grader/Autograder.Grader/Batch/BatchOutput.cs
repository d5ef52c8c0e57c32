using Autograder.Grader.Reports.Class;

namespace Autograder.Grader.Batch;

/// <summary>
/// Rebuilds a batch folder's class-level files (batch.json, gradebook.csv, summary.md, histogram.png)
/// from the per-student results: after a batch, after a merge, and by hand after editing results.
/// </summary>
public static class BatchOutput
{
    public static IReadOnlyList<StudentRecord> Write(string outputFolder, BatchManifest manifest)
    {
        var records = manifest.Students.Select(s => StudentRecord.Load(outputFolder, s)).ToList();
        var manual = ManualGrades.Load(outputFolder, manifest);
        AtomicFile.WriteAllText(Path.Combine(outputFolder, BatchManifest.FileName), manifest.ToJson());
        AtomicFile.WriteAllText(Path.Combine(outputFolder, Gradebook.FileName), Gradebook.ToCsv(manifest, records, manual));
        foreach (var record in records.Where(r => r.Result is not null && manual.All.Any(g => g.Student == r.Student)))
        {
            // The staff's points and comments join the student's feedback as soon as they are entered.
            AtomicFile.WriteAllText(Path.Combine(outputFolder, record.Student, StudentRecord.FeedbackFile),
                Reports.MarkdownReport.Write(record.Result!) + ManualFeedback(manifest, manual, record.Student));
        }

        AtomicFile.WriteAllText(Path.Combine(outputFolder, Gradebook.LegendFileName), Gradebook.Legend(manifest));
        AtomicFile.WriteAllText(Path.Combine(outputFolder, SummaryWriter.FileName), SummaryWriter.Write(manifest, records, manual));
        var scores = records.Where(r => r.Result is not null).Select(r => r.Result!.CoreScore).ToList();
        AtomicFile.WriteAllBytes(Path.Combine(outputFolder, ScoreHistogram.FileName),
            ScoreHistogram.Png(scores, manifest.MaxScore, $"{manifest.Assignment}: scores of {scores.Count} submissions"));
        return records;
    }

    /// <summary>The feedback section of the items the staff grade by hand: points and comment, or pending.</summary>
    public static string ManualFeedback(BatchManifest manifest, ManualGrades grades, string student)
    {
        var s = new System.Text.StringBuilder("\n## Graded by the course staff\n\n| item | title | points | comment |\n|---|---|---|---|\n");
        foreach (var item in manifest.Items.Where(i => i.Manual))
        {
            var g = grades.Get(student, item.Id);
            var comment = (g?.Comment ?? "").ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);
            var points = g is null ? "pending"
                : item.Deduction ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"-{g.Points:0.##} (a deduction of up to {item.Points:0.##})")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{g.Points:0.##} / {item.Points:0.##}");
            s.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {item.Id} | {item.Title} | {points} | {comment} |\n");
        }

        return s.ToString();
    }
}
