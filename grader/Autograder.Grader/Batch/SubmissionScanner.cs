namespace Autograder.Grader.Batch;

/// <summary>
/// Lists the submissions of a batch folder: each sub-folder, zip or tar.gz is one student (the name minus
/// <c>.zip</c>, <c>.tar.gz</c> or <c>.tgz</c>).
/// Every other entry (a symbolic link, an empty or special file, a file of another kind) is listed too, as a
/// rejected submission with the reason, so no entry of the folder silently drops out of the gradebook.
/// Entries are looked at without following links and nothing is opened here.
/// </summary>
public static class SubmissionScanner
{
    /// <param name="folder">the class folder</param>
    /// <returns>one entry per student, ordered by id (ordinal)</returns>
    public static IReadOnlyList<BatchSubmission> Scan(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"batch: the submissions folder {folder} does not exist");
        }

        var candidates = new List<(string Student, string Path, string? Problem)>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            var tar = Intake.TarArchive.IsTarGz(entry.Name) && Intake.TarArchive.Stem(entry.Name).Length > 0;
            var zip = tar || (entry.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && entry.Name.Length > 4);
            var student = tar ? Intake.TarArchive.Stem(entry.Name) : zip ? entry.Name[..^4] : entry.Name;
            if (entry.LinkTarget is not null)
            {
                // Never followed: a link could point at another student's folder, a device or the course itself.
                candidates.Add((student, entry.FullName, $"{entry.Name} is a symbolic link; submit the folder or zip itself"));
            }
            else if (entry is DirectoryInfo)
            {
                candidates.Add((student, entry.FullName, null));
            }
            else if (zip)
            {
                // Size 0 is also what a FIFO or a device reports: such an entry is never opened.
                candidates.Add((student, entry.FullName, ((FileInfo)entry).Length == 0 ? $"{entry.Name} is empty (or not a regular file)" : null));
            }
            else
            {
                candidates.Add((entry.Name, entry.FullName, $"{entry.Name} is not a submission: expected a folder, a .zip or a .tar.gz"));
            }
        }

        if (candidates.Count == 0)
        {
            throw new InvalidDataException($"batch: the submissions folder {folder} is empty: expected one folder or .zip per student");
        }

        return candidates
            .GroupBy(c => c.Student, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Count() == 1
                ? new BatchSubmission(g.Key, g.Single().Path, g.Single().Problem)
                : new BatchSubmission(g.Key, g.OrderBy(c => c.Path, StringComparer.Ordinal).First().Path,
                    $"{g.Count()} submissions for one student ({string.Join(", ", g.Select(c => System.IO.Path.GetFileName(c.Path)).Order(StringComparer.Ordinal))}); keep exactly one"))
            .ToList();
    }
}
