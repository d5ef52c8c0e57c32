using System.IO.Compression;

namespace Autograder.Grader.Intake;

/// <summary>
/// Lists a submission's entries (a folder or a zip) without extracting anything, reporting the ones
/// that may never be read: symlinks, names escaping the folder, and anything past the entry cap.
/// </summary>
internal static class SubmissionReader
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", "__MACOSX" };

    public static IReadOnlyList<SubmissionEntry> List(string path, IntakeLimits limits, List<IntakeProblem> problems, IDisposable[] keepAlive)
    {
        if (Directory.Exists(path))
        {
            return ListDirectory(path, limits, problems);
        }

        if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return ListZip(path, limits, problems, keepAlive);
        }

        problems.Add(new IntakeProblem(Path.GetFileName(path), "the submission must be a folder or a .zip file"));
        return [];
    }

    private static List<SubmissionEntry> ListDirectory(string root, IntakeLimits limits, List<IntakeProblem> problems)
    {
        var entries = new List<SubmissionEntry>();
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var info in dir.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
                if (info.LinkTarget is not null)
                {
                    problems.Add(new IntakeProblem(relative, "symbolic links are not accepted; submit the file itself"));
                    continue;
                }

                if (info is DirectoryInfo sub)
                {
                    if (!SkippedFolders.Contains(sub.Name))
                    {
                        pending.Push(sub);
                    }

                    continue;
                }

                if (entries.Count >= limits.MaxEntries)
                {
                    problems.Add(new IntakeProblem(relative, $"too many files (more than {limits.MaxEntries}); the rest were not read"));
                    return entries;
                }

                var file = (FileInfo)info;
                entries.Add(new SubmissionEntry(relative, file.Length, () => file.OpenRead()));
            }
        }

        return entries;
    }

    private static List<SubmissionEntry> ListZip(string path, IntakeLimits limits, List<IntakeProblem> problems, IDisposable[] keepAlive)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            problems.Add(new IntakeProblem(Path.GetFileName(path), $"not a readable zip file: {ex.Message}"));
            return [];
        }

        keepAlive[0] = archive;
        var entries = new List<SubmissionEntry>();
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (name.EndsWith('/'))
            {
                continue;
            }

            if (IsEscaping(name))
            {
                problems.Add(new IntakeProblem(name, "zip entries must stay inside the submission folder (no '..' or absolute paths)"));
                continue;
            }

            // Unix mode lives in the high 16 bits of the external attributes; 0xA000 is a symlink.
            if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
            {
                problems.Add(new IntakeProblem(name, "symbolic links are not accepted; submit the file itself"));
                continue;
            }

            if (name.Split('/').Any(SkippedFolders.Contains))
            {
                continue;
            }

            if (entries.Count >= limits.MaxEntries)
            {
                problems.Add(new IntakeProblem(name, $"too many entries (more than {limits.MaxEntries}); the rest were not read"));
                break;
            }

            entries.Add(new SubmissionEntry(name, entry.Length, entry.Open));
        }

        return entries;
    }

    private static bool IsEscaping(string name) =>
        name.StartsWith('/') || (name.Length > 1 && name[1] == ':') || name.Split('/').Any(segment => segment == "..");
}
