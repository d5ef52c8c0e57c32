namespace Autograder.Grader.Batch;

/// <summary>Lists the submissions of a batch folder: each sub-folder or zip is one student (the name minus <c>.zip</c>).</summary>
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

        var candidates = new List<(string Student, string Path)>();
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            if (entry is DirectoryInfo)
            {
                candidates.Add((entry.Name, entry.FullName));
            }
            else if (entry.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && entry.Name.Length > 4)
            {
                candidates.Add((entry.Name[..^4], entry.FullName));
            }
        }

        return candidates
            .GroupBy(c => c.Student, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Count() == 1
                ? new BatchSubmission(g.Key, g.Single().Path)
                : new BatchSubmission(g.Key, g.OrderBy(c => c.Path, StringComparer.Ordinal).First().Path,
                    $"{g.Count()} submissions for one student ({string.Join(", ", g.Select(c => System.IO.Path.GetFileName(c.Path)).Order(StringComparer.Ordinal))}); keep exactly one"))
            .ToList();
    }
}
