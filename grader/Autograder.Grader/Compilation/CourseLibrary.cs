using System.Collections.Concurrent;
using System.Text;
using Autograder.Grader.Release;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Compilation;

/// <summary>
/// The pristine course library sources (every <c>.cs</c> under its folder except bin/ and obj/),
/// keyed by path relative to the folder with forward slashes, their solution regions (found by the
/// release's <see cref="SolutionMarkerScanner"/>, the one marker scanner) and their parsed syntax
/// trees. Loaded once per grader process and folder: a batch or a test run parses the ~11k lines of
/// provided code once, not once per submission (a change to any file reloads it).
/// </summary>
public sealed class CourseLibrary
{
    private static readonly ConcurrentDictionary<string, (string Stamp, CourseLibrary Library)> Cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);

    private CourseLibrary(string root, IReadOnlyDictionary<string, string> sources, IReadOnlyDictionary<string, IReadOnlyList<SolutionRegion>> regions)
    {
        Root = root;
        Sources = sources;
        Regions = regions;
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, list) in regions)
        {
            foreach (var region in list)
            {
                parts.TryAdd(region.Part, file);
            }
        }

        PartFiles = parts;
    }

    public string Root { get; }

    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>The solution regions of each file that has any.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SolutionRegion>> Regions { get; }

    /// <summary>Part id (e.g. <c>linear.backward</c>) to the relative file holding its region.</summary>
    public IReadOnlyDictionary<string, string> PartFiles { get; }

    /// <summary>The library at <paramref name="root"/>, from the process-wide cache unless a file was added, removed or changed.</summary>
    /// <param name="root">reference/NeuralNet</param>
    /// <param name="modules">only the sources of these modules (reference/NeuralNet/modules.yaml) and the modules they use, as an
    /// assignment's kit ships them; empty or null for every source</param>
    public static CourseLibrary Load(string root, IReadOnlyCollection<string>? modules = null)
    {
        var full = Path.GetFullPath(root);
        var files = SourceFiles(full);
        var key = modules is { Count: > 0 } ? $"{full}|{string.Join(',', modules.Order(StringComparer.Ordinal))}" : full;
        var manifest = Path.Combine(full, Assignments.CourseModules.FileName);
        var stamp = string.Join('|', files.Select(f => $"{f.Relative}:{File.GetLastWriteTimeUtc(f.Path).Ticks}:{new FileInfo(f.Path).Length}"))
            + (File.Exists(manifest) ? $"|{File.GetLastWriteTimeUtc(manifest).Ticks}" : "");
        if (Cache.TryGetValue(key, out var cached) && cached.Stamp == stamp)
        {
            return cached.Library;
        }

        if (modules is { Count: > 0 })
        {
            var kept = Assignments.CourseModules.Load(full, [.. files.Select(f => f.Relative)]).SourcesOf(modules).ToHashSet(StringComparer.Ordinal);
            files = [.. files.Where(f => kept.Contains(f.Relative))];
        }

        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var regions = new SortedDictionary<string, IReadOnlyList<SolutionRegion>>(StringComparer.Ordinal);
        foreach (var (relative, path) in files)
        {
            var text = File.ReadAllText(path);
            sources[relative] = text;
            if (SolutionMarkerScanner.Scan(text, relative) is { Count: > 0 } found)
            {
                regions[relative] = found;
            }
        }

        var library = new CourseLibrary(full, sources, regions);
        Cache[key] = (stamp, library);
        return library;
    }

    /// <summary>The file of <paramref name="part"/>, or null when no region carries that id.</summary>
    public string? FileOf(string part) => PartFiles.TryGetValue(part, out var file) ? file : null;

    /// <summary>
    /// The starter-kit version of <paramref name="file"/> for an assignment assigning <paramref name="parts"/>:
    /// exactly what <c>autograder release</c> writes (<see cref="RegionReplacer"/>), so a file that fails to
    /// compile or is missing grades as the kit's TODO stubs.
    /// </summary>
    public string Stub(string file, IReadOnlyCollection<string> parts)
    {
        var text = Sources.TryGetValue(file, out var pristine) ? pristine : throw new FileNotFoundException($"{file} is not part of the course library at {Root}");
        return Regions.TryGetValue(file, out var regions)
            ? RegionReplacer.Apply(text, regions, parts.ToHashSet(StringComparer.Ordinal))
            : text;
    }

    /// <summary>The parsed pristine <paramref name="file"/> (parsed once, then shared by every compilation).</summary>
    internal SyntaxTree Tree(string file, CSharpParseOptions options) =>
        _trees.GetOrAdd(file, f => CSharpSyntaxTree.ParseText(Sources[f], options, path: f, encoding: Encoding.UTF8));

    private static List<(string Relative, string Path)> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(root, path).Replace('\\', '/'), Path: path))
            .Where(f => !Release.RepositoryLayout.IsBuildOutput(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .ToList();
}
