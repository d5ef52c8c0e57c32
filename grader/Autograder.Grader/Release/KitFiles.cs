using System.Text;

namespace Autograder.Grader.Release;

/// <summary>A kit held in memory: relative path ('/' separators) to contents, ordered by path.</summary>
public sealed class KitFiles
{
    private readonly SortedDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => files;

    public void Add(string path, byte[] contents)
    {
        if (!files.TryAdd(path, contents))
        {
            throw new InvalidOperationException($"kit file {path} is written twice; two release steps produce the same path");
        }
    }

    /// <summary>Adds text with "\n" line endings and UTF-8 without a byte-order mark, so kits are identical on every OS.</summary>
    public void AddText(string path, string text) =>
        Add(path, Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")));

    /// <summary>Writes the kit to a folder, replacing an earlier kit there. Refuses to clear a non-empty folder that is not a kit.</summary>
    /// <param name="directory">the kit folder</param>
    public void WriteTo(string directory)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!File.Exists(Path.Combine(directory, KitManifest.FileName)))
            {
                throw new IOException($"{directory} is not empty and holds no {KitManifest.FileName}; refusing to replace it (pick an empty or new folder)");
            }

            Directory.Delete(directory, recursive: true);
        }

        foreach (var (path, contents) in files)
        {
            var target = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, contents);
            if (path.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
            {
                // Students run ./pack.sh; git keeps the mode only if the file has it.
                File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }
    }

    /// <summary>
    /// The first difference between this kit and a folder, or null when they hold the same files with
    /// the same contents (build output under bin/ and obj/ ignored).
    /// </summary>
    public string? FirstDifference(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return $"{directory} does not exist";
        }

        var onDisk = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(s => s is "bin" or "obj" or "TestResults"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var path in files.Keys.Union(onDisk).Order(StringComparer.Ordinal))
        {
            if (!onDisk.Contains(path))
            {
                return $"{path}: missing from {directory}";
            }

            if (!files.TryGetValue(path, out var expected))
            {
                return $"{path}: in {directory} but release no longer generates it";
            }

            if (!expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(directory, path))))
            {
                return $"{path}: contents differ from what release generates now";
            }
        }

        return null;
    }
}
