using System.IO.Compression;

namespace Autograder.Grader.Intake;

/// <summary>
/// Lists a submission's entries (a folder or a zip) without extracting anything, reporting the ones
/// that may never be read: symlinks, names escaping the folder, and anything past the entry cap.
/// </summary>
internal static class SubmissionReader
{
    internal static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", "__MACOSX" };

    /// <summary>How many times <see cref="IntakeLimits.MaxEntries"/> entries are scanned at most for the assignment's file names.</summary>
    internal const int ScanFactor = 100;

    /// <param name="path">the folder or zip</param>
    /// <param name="limits">the caps</param>
    /// <param name="wanted">file names the assignment asks for: past the entry cap only these are still listed, so junk cannot push the real files out</param>
    /// <param name="problems">where problems are reported</param>
    /// <param name="keepAlive">receives the open zip archive, to be disposed by the caller</param>
    public static IReadOnlyList<SubmissionEntry> List(string path, IntakeLimits limits, IReadOnlySet<string> wanted, List<IntakeProblem> problems, IDisposable[] keepAlive)
    {
        if (Directory.Exists(path))
        {
            return ListDirectory(path, limits, wanted, problems);
        }

        if (new FileInfo(path) is { Exists: true, LinkTarget: null, Length: > 0 } && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return ListZip(path, limits, wanted, problems, keepAlive);
        }

        if (new FileInfo(path) is { Exists: true, LinkTarget: null, Length: > 0 } && TarArchive.IsTarGz(path))
        {
            return TarArchive.List(path, limits, wanted, problems);
        }

        // A lone file the assignment asks for (the written answers' answers.yaml) is a submission of that one file.
        if (new FileInfo(path) is { Exists: true, LinkTarget: null } single && wanted.Contains(single.Name))
        {
            return [new SubmissionEntry(single.Name, single.Length, single.Length == 0 ? () => Stream.Null : () => single.OpenRead())];
        }

        problems.Add(new IntakeProblem(Path.GetFileName(path), $"the submission must be a folder, a .zip or a .tar.gz file{(wanted.Count is > 0 and < 4 ? $" (or the file {string.Join(" or ", wanted.Order(StringComparer.Ordinal))} itself)" : "")}"));
        return [];
    }

    private static List<SubmissionEntry> ListDirectory(string root, IntakeLimits limits, IReadOnlySet<string> wanted, List<IntakeProblem> problems)
    {
        var entries = new List<SubmissionEntry>();
        var seen = 0;
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

                if (!WithinCaps(++seen, relative, info.Name, limits, wanted, problems, "files"))
                {
                    if (seen > ScanFactor * limits.MaxEntries)
                    {
                        return entries;
                    }

                    continue;
                }

                var file = (FileInfo)info;
                // Size 0 is what a FIFO, a device or a socket reports too: never open those (a FIFO blocks, /dev/zero never ends).
                entries.Add(new SubmissionEntry(relative, file.Length, file.Length == 0 ? () => Stream.Null : () => file.OpenRead()));
            }
        }

        return entries;
    }

    private static List<SubmissionEntry> ListZip(string path, IntakeLimits limits, IReadOnlySet<string> wanted, List<IntakeProblem> problems, IDisposable[] keepAlive)
    {
        if (ZipDirectory.TooBig(path, ScanFactor * limits.MaxEntries) is { } tooBig)
        {
            problems.Add(new IntakeProblem(Path.GetFileName(path), tooBig));
            return [];
        }

        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            problems.Add(new IntakeProblem(Path.GetFileName(path), $"not a readable zip file: {ex.Message}"));
            return [];
        }

        keepAlive[0] = archive;
        if (NestedZip(archive, wanted, limits, problems) is { } inner)
        {
            // A zip holding only a zip (a folder zipped twice): unwrapped once, never deeper.
            keepAlive[0] = new CompositeDisposable(archive, inner);
            archive = inner;
        }

        var entries = new List<SubmissionEntry>();
        var seen = 0;
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

            if (!WithinCaps(++seen, name, name.Split('/')[^1], limits, wanted, problems, "entries"))
            {
                if (seen > ScanFactor * limits.MaxEntries)
                {
                    break;
                }

                continue;
            }

            entries.Add(new SubmissionEntry(name, entry.Length, entry.Open));
        }

        return entries;
    }

    /// <summary>
    /// The zip inside <paramref name="archive"/> when that is all it holds of use (no file the assignment asks for, exactly
    /// one <c>.zip</c> entry, within the size caps); a nested zip beside other files is reported and left alone.
    /// </summary>
    private static ZipArchive? NestedZip(ZipArchive archive, IReadOnlySet<string> wanted, IntakeLimits limits, List<IntakeProblem> problems)
    {
        var zips = archive.Entries.Where(e => e.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)).ToList();
        if (zips.Count == 0)
        {
            return null;
        }

        if (zips.Count > 1 || archive.Entries.Any(e => wanted.Contains(e.Name)))
        {
            problems.Add(new IntakeProblem(zips[0].FullName, "a zip inside the zip is not opened here; zip the files themselves"));
            return null;
        }

        var inner = zips[0];
        if (inner.Length > limits.MaxTotalBytes)
        {
            problems.Add(new IntakeProblem(inner.FullName, $"the zip inside the zip is {inner.Length:N0} bytes; at most {limits.MaxTotalBytes:N0} are read"));
            return null;
        }

        try
        {
            var buffer = new MemoryStream();
            using (var stream = inner.Open())
            {
                var chunk = new byte[81920];
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > limits.MaxTotalBytes)
                    {
                        problems.Add(new IntakeProblem(inner.FullName, $"the zip inside the zip expands past {limits.MaxTotalBytes:N0} bytes"));
                        return null;
                    }
                }
            }

            buffer.Position = 0;
            var nested = new ZipArchive(buffer, ZipArchiveMode.Read);
            if (nested.Entries.Count > ScanFactor * limits.MaxEntries)
            {
                problems.Add(new IntakeProblem(inner.FullName, $"the zip inside the zip has {nested.Entries.Count:N0} entries"));
                return null;
            }

            problems.Add(new IntakeProblem(inner.FullName, "the submission was a zip inside a zip; it was opened once (next time zip the files themselves)"));
            return nested;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            problems.Add(new IntakeProblem(inner.FullName, $"the zip inside the zip is not readable: {ex.Message}"));
            return null;
        }
    }

    /// <summary>Disposes several archives kept alive for one intake.</summary>
    private sealed class CompositeDisposable(params IDisposable[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }
        }
    }

    internal static bool IsEscapingName(string name) => IsEscaping(name);

    /// <summary>
    /// Whether the <paramref name="count"/>-th entry is listed: every entry up to <see cref="IntakeLimits.MaxEntries"/>, then only
    /// the file names the assignment asks for (one problem says the rest were ignored), and nothing past <see cref="ScanFactor"/>
    /// times the cap (a second problem): a flood of junk files neither hides the real ones nor keeps intake busy.
    /// </summary>
    internal static bool WithinCaps(int count, string relative, string fileName, IntakeLimits limits, IReadOnlySet<string> wanted, List<IntakeProblem> problems, string what)
    {
        if (count <= limits.MaxEntries)
        {
            return true;
        }

        if (count == limits.MaxEntries + 1)
        {
            problems.Add(new IntakeProblem(relative, $"too many {what} (more than {limits.MaxEntries:N0}); past that only the assignment's own file names were looked at"));
        }

        if (count > ScanFactor * limits.MaxEntries)
        {
            problems.Add(new IntakeProblem(relative, $"more than {ScanFactor * limits.MaxEntries:N0} {what}; the rest were not looked at"));
            return false;
        }

        return wanted.Contains(fileName);
    }

    private static bool IsEscaping(string name) =>
        name.StartsWith('/') || (name.Length > 1 && name[1] == ':') || name.Split('/').Any(segment => segment == "..");
}
