using System.IO.Compression;
using Autograder.Grader.Assignments;

namespace Autograder.Grader.Release;

/// <summary>
/// Zips an assignment's submitted files, with paths relative to the library (as the profile lists
/// them): the same zip a kit's pack step writes, built from a kit or straight from a library folder.
/// </summary>
public static class SubmissionPacker
{
    /// <summary>A fixed entry time, so packing the same files twice gives the same bytes.</summary>
    public static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Where an assignment's submitted files live under <paramref name="folder"/>: a kit (its NeuralNet/ folder) or a library folder itself.</summary>
    public static string LibraryIn(string folder) =>
        File.Exists(Path.Combine(folder, KitManifest.FileName)) ? Path.Combine(folder, KitLayout.Library) : folder;

    /// <summary>Writes the zip.</summary>
    /// <param name="profile">the assignment (its files)</param>
    /// <param name="folder">a kit folder or a library folder</param>
    /// <param name="zipPath">the zip to write (replaced if it exists)</param>
    /// <returns>the files packed, relative to the library</returns>
    public static IReadOnlyList<string> Pack(AssignmentProfile profile, string folder, string zipPath)
    {
        var library = LibraryIn(folder);
        var missing = profile.Files.Where(f => !File.Exists(Path.Combine(library, f))).ToList();
        if (missing.Count > 0)
        {
            throw new FileNotFoundException($"pack: {library} lacks {string.Join(", ", missing)}, which {profile.Id} submits");
        }

        File.Delete(zipPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var file in profile.Files)
        {
            var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var target = entry.Open();
            using var source = File.OpenRead(Path.Combine(library, file));
            source.CopyTo(target);
        }

        return profile.Files;
    }
}
