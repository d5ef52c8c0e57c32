using Autograder.Grader.Batch;
using NeuralNet.Experiments;

namespace Autograder.Cli.Manual;

/// <summary>
/// One manual-grading session over a batch folder: the queue of (student, manual item) pairs, the grades so far,
/// and the students' artifacts. Every change is saved to <c>manual-grades.csv</c> at once and the class files are
/// rebuilt, so the gradebook, the summary and each student's feedback always include what was entered.
/// </summary>
internal sealed class ManualSession(string batchFolder, string? submissionsFolder, string? onlyItem)
{
    private readonly Lock _gate = new();
    private readonly BatchManifest _manifest = BatchManifest.Read(batchFolder);

    public IReadOnlyList<ManifestItem> Items =>
        [.. _manifest.Items.Where(i => i.Manual && (onlyItem is null || i.Id == onlyItem))];

    public IReadOnlyList<string> Students =>
        [.. _manifest.Students.Where(s => StudentRecord.Load(batchFolder, s).Result is not null)];

    public object State()
    {
        lock (_gate)
        {
            var grades = ManualGrades.Load(batchFolder, _manifest);
            var items = Items;
            var students = Students;
            var graded = students.Sum(s => items.Count(i => grades.Get(s, i.Id) is not null));
            return new
            {
                assignment = _manifest.Assignment,
                title = _manifest.Title,
                items = items.Select(i => new { id = i.Id, title = i.Title, points = i.Points, deduction = i.Deduction }),
                students,
                grades = grades.All.Where(g => items.Any(i => i.Id == g.Item)).Select(g => new { student = g.Student, item = g.Item, points = g.Points, comment = g.Comment }),
                graded,
                total = students.Count * items.Count,
            };
        }
    }

    public object Artifacts(string student)
    {
        var submission = Submission(student);
        var names = submission is null ? [] : Grader.Batch.SubmissionArtifacts.List(submission);
        return new
        {
            submission = submission is null ? null : Path.GetFileName(submission),
            artifacts = names.Select(n => new { name = n, kind = Kind(n) }),
        };
    }

    /// <summary>An artifact's bytes for the page: images as they are, a training log drawn as learning curves, text as text.</summary>
    public (byte[] Bytes, string ContentType)? Artifact(string student, string name)
    {
        if (Submission(student) is not { } submission || Grader.Batch.SubmissionArtifacts.Read(submission, name) is not { } bytes)
        {
            return null;
        }

        switch (Kind(name))
        {
            case "image":
                return (bytes, name.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? "image/svg+xml" : name.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? "image/png" : "image/jpeg");
            case "curve":
                var temp = Path.Combine(Directory.CreateTempSubdirectory("manual-curve-").FullName, "log.json");
                try
                {
                    File.WriteAllBytes(temp, bytes);
                    var png = PlotCommand.Render([TrainingLogJson.Read(temp)], Path.ChangeExtension(temp, ".png"), "accuracy", null, $"{student}: {Path.GetFileName(name)}");
                    return (File.ReadAllBytes(png), "image/png");
                }
                catch (Exception e) when (e is IOException or System.Text.Json.JsonException or InvalidDataException or FormatException or ArgumentException)
                {
                    return (System.Text.Encoding.UTF8.GetBytes($"{name} is not a training log this page can draw: {e.Message}\n\n{System.Text.Encoding.UTF8.GetString(bytes)}"), "text/plain; charset=utf-8");
                }
                finally
                {
                    Directory.Delete(Path.GetDirectoryName(temp)!, recursive: true);
                }

            default:
                return (bytes, "text/plain; charset=utf-8");
        }
    }

    /// <summary>Saves one grade (null points: back to pending), rebuilds the class files and returns the progress.</summary>
    public object Grade(string student, string item, double? points, string comment)
    {
        lock (_gate)
        {
            var grades = ManualGrades.Load(batchFolder, _manifest);
            var updated = grades.With(student, item, points, comment, DateTimeOffset.UtcNow);
            // Validated exactly as an imported file would be.
            updated = ManualGrades.Parse(updated.ToCsv(), ManualGrades.FileName, _manifest);
            updated.Save(batchFolder);
            BatchOutput.Write(batchFolder, _manifest);
        }

        return State();
    }

    private string? Submission(string student) =>
        submissionsFolder is null || !_manifest.Students.Contains(student) ? null : Grader.Batch.SubmissionArtifacts.Find(submissionsFolder, student);

    private static string Kind(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".png" or ".jpg" or ".jpeg" or ".svg" => "image",
        ".json" => "curve",
        _ => "text",
    };
}
