namespace Autograder.Grader.Release;

/// <summary>The reference library's files and the solution regions in its C# sources.</summary>
/// <param name="Root">the library folder (<c>reference/NeuralNet</c>)</param>
/// <param name="Files">every file, relative to <paramref name="Root"/> with '/' separators, bin/ and obj/ left out, ordered</param>
/// <param name="Regions">the regions of each C# file that has any</param>
public sealed record ReferenceLibrary(string Root, IReadOnlyList<string> Files, IReadOnlyDictionary<string, IReadOnlyList<SolutionRegion>> Regions)
{
    /// <summary>Reads and scans the library.</summary>
    /// <param name="root">the library folder</param>
    /// <param name="knownParts">when given, every marker's part must be one of these</param>
    public static ReferenceLibrary Scan(string root, IReadOnlySet<string>? knownParts = null)
    {
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !RepositoryLayout.IsBuildOutput(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var regions = new SortedDictionary<string, IReadOnlyList<SolutionRegion>>(StringComparer.Ordinal);
        foreach (var file in files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var found = SolutionMarkerScanner.Scan(File.ReadAllText(Path.Combine(root, file)), file, knownParts);
            if (found.Count > 0)
            {
                regions[file] = found;
            }
        }

        return new ReferenceLibrary(root, files, regions);
    }

    /// <summary>Every region of a part, in file and line order.</summary>
    public IReadOnlyList<SolutionRegion> RegionsOf(string part) =>
        Regions.Values.SelectMany(r => r).Where(r => r.Part == part).ToList();

    /// <summary>Every part id that has at least one region.</summary>
    public IReadOnlySet<string> Parts => Regions.Values.SelectMany(r => r).Select(r => r.Part).ToHashSet(StringComparer.Ordinal);
}
