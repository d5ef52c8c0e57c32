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
        AtomicFile.WriteAllText(Path.Combine(outputFolder, BatchManifest.FileName), manifest.ToJson());
        AtomicFile.WriteAllText(Path.Combine(outputFolder, Gradebook.FileName), Gradebook.ToCsv(manifest, records));
        AtomicFile.WriteAllText(Path.Combine(outputFolder, Gradebook.LegendFileName), Gradebook.Legend(manifest));
        AtomicFile.WriteAllText(Path.Combine(outputFolder, SummaryWriter.FileName), SummaryWriter.Write(manifest, records));
        var scores = records.Where(r => r.Result is not null).Select(r => r.Result!.CoreScore).ToList();
        AtomicFile.WriteAllBytes(Path.Combine(outputFolder, ScoreHistogram.FileName),
            ScoreHistogram.Png(scores, manifest.MaxScore, $"{manifest.Assignment}: scores of {scores.Count} submissions"));
        return records;
    }
}
