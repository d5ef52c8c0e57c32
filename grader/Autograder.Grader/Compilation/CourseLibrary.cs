namespace Autograder.Grader.Compilation;

/// <summary>
/// The pristine course library sources (every <c>.cs</c> under its folder except bin/ and obj/),
/// keyed by path relative to the folder with forward slashes, and where each solution part lives.
/// </summary>
public sealed class CourseLibrary
{
    private CourseLibrary(string root, IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, string> partFiles)
    {
        Root = root;
        Sources = sources;
        PartFiles = partFiles;
    }

    public string Root { get; }

    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>Part id (e.g. <c>linear.backward</c>) to the relative file holding its region.</summary>
    public IReadOnlyDictionary<string, string> PartFiles { get; }

    public static CourseLibrary Load(string root)
    {
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Split('/') is var segments && (segments.Contains("bin") || segments.Contains("obj")))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            sources[relative] = text;
            foreach (var region in SolutionRegions.Scan(text, relative))
            {
                parts.TryAdd(region.Part, relative);
            }
        }

        return new CourseLibrary(Path.GetFullPath(root), sources, parts);
    }

    /// <summary>The file of <paramref name="part"/>, or null when no region carries that id.</summary>
    public string? FileOf(string part) => PartFiles.TryGetValue(part, out var file) ? file : null;
}
