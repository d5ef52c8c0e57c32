using System.Formats.Tar;
using System.IO.Compression;

namespace Autograder.Grader.Intake;

/// <summary>
/// A <c>.tar.gz</c> / <c>.tgz</c> submission, read like a zip: one pass over the archive, keeping in memory only the
/// regular files the assignment could use (within the entry and size caps); links, devices and names that escape
/// the folder are reported, never followed or written anywhere.
/// </summary>
internal static class TarArchive
{
    public static bool IsTarGz(string path) =>
        path.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name without <c>.tar.gz</c> or <c>.tgz</c>.</summary>
    public static string Stem(string name) =>
        name.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) ? name[..^7] : name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;

    public static List<SubmissionEntry> List(string path, IntakeLimits limits, IReadOnlySet<string> wanted, List<IntakeProblem> problems)
    {
        var entries = new List<SubmissionEntry>();
        var seen = 0;
        long total = 0;
        try
        {
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                var name = entry.Name.Replace('\\', '/');
                if (entry.EntryType is TarEntryType.Directory)
                {
                    continue;
                }

                if (SubmissionReader.IsEscapingName(name))
                {
                    problems.Add(new IntakeProblem(name, "archive entries must stay inside the submission folder (no '..' or absolute paths)"));
                    continue;
                }

                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
                {
                    problems.Add(new IntakeProblem(name, entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink
                        ? "symbolic links are not accepted; submit the file itself"
                        : $"not a regular file ({entry.EntryType})"));
                    continue;
                }

                if (name.Split('/').Any(SubmissionReader.SkippedFolders.Contains))
                {
                    continue;
                }

                if (!SubmissionReader.WithinCaps(++seen, name, name.Split('/')[^1], limits, wanted, problems, "entries"))
                {
                    if (seen > SubmissionReader.ScanFactor * limits.MaxEntries)
                    {
                        break;
                    }

                    continue;
                }

                if (entry.Length <= limits.MaxFileBytes && total + entry.Length > limits.MaxTotalBytes)
                {
                    problems.Add(new IntakeProblem(name, $"the archive expands to more than {limits.MaxTotalBytes:N0} bytes in total; this file was not read"));
                    continue;
                }

                // Only what intake could accept is kept: a larger file is listed by size and rejected there as too large.
                var keep = entry.Length <= limits.MaxFileBytes;
                var bytes = Array.Empty<byte>();
                if (keep && entry.DataStream is { } data)
                {
                    bytes = new byte[entry.Length];
                    data.ReadExactly(bytes);
                    total += bytes.Length;
                }

                var length = entry.Length;
                entries.Add(new SubmissionEntry(name, length, keep ? () => new MemoryStream(bytes, writable: false) : () => Stream.Null));
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or UnauthorizedAccessException)
        {
            problems.Add(new IntakeProblem(Path.GetFileName(path), $"not a readable .tar.gz file: {ex.Message}"));
        }

        return entries;
    }
}
