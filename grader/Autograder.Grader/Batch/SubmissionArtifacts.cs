using Autograder.Grader.Intake;

namespace Autograder.Grader.Batch;

/// <summary>
/// What a student handed in besides code, for the staff grading manual items: images, training logs, written
/// answers and notes, read from their submission (folder, zip or tar.gz) with intake's rules (no links, size caps).
/// </summary>
public static class SubmissionArtifacts
{
    private static readonly string[] Kinds = [".png", ".jpg", ".jpeg", ".svg", ".json", ".yaml", ".yml", ".md", ".txt", ".csv", ".labels"];

    /// <summary>The largest artifact served (bytes).</summary>
    public const long MaxBytes = 8L << 20;

    /// <summary>The student's submission in <paramref name="submissionsFolder"/>: <c>name/</c>, <c>name.zip</c>, <c>name.tar.gz</c> or <c>name.tgz</c>.</summary>
    public static string? Find(string submissionsFolder, string student) =>
        new[] { student, student + ".zip", student + ".tar.gz", student + ".tgz" }
            .Select(n => Path.Combine(submissionsFolder, n))
            .FirstOrDefault(p => Directory.Exists(p) || File.Exists(p));

    /// <summary>The artifact names (paths inside the submission), in ordinal order.</summary>
    public static IReadOnlyList<string> List(string submission)
    {
        var entries = Entries(submission, out var keep);
        try
        {
            return entries.Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
        }
        finally
        {
            keep[0]?.Dispose();
        }
    }

    /// <summary>The bytes of one artifact, or null when the submission holds no such artifact.</summary>
    public static byte[]? Read(string submission, string name)
    {
        var entries = Entries(submission, out var keep);
        try
        {
            var entry = entries.FirstOrDefault(e => e.Path == name);
            if (entry is null)
            {
                return null;
            }

            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        finally
        {
            keep[0]?.Dispose();
        }
    }

    private static List<SubmissionEntry> Entries(string submission, out IDisposable[] keep)
    {
        keep = new IDisposable[1];
        var problems = new List<IntakeProblem>();
        return [.. SubmissionReader.List(submission, new IntakeLimits(MaxBytes, 500, 64L << 20), new HashSet<string>(), problems, keep)
            .Where(e => e.DeclaredLength is > 0 and <= MaxBytes && Kinds.Contains(Path.GetExtension(e.Path).ToLowerInvariant()))];
    }
}
