using System.Diagnostics;
using Autograder.Grader.Assignments;
using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// Error carried forward, the handouts' rule ("do not deduct points if the mistake is solely inherited"): a build
/// of the student's files in which every part outside an item's parts is the reference's, so a mistake elsewhere
/// cannot cost that item. One build and one worker per distinct set of parts, made only when an item needs it.
/// </summary>
internal sealed class CarriedForward(CourseLibrary library, AssignmentProfile assignment, IReadOnlyDictionary<string, string> files,
    TimeSpan compileTimeout, string workDir, WorkerLimits limits, Microsoft.CodeAnalysis.Compilation? compiled = null) : IDisposable
{
    private readonly Dictionary<string, Variant?> _variants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Dictionary<string, string> Files, List<string> Swapped, HashSet<string> Changed)> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<Microsoft.CodeAnalysis.INamedTypeSymbol>> _declaredTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _stubs = new(StringComparer.Ordinal);
    private TypeReach? _reach;

    /// <summary>A build for one set of parts: where it is, the worker that runs it, the members the reference supplied.</summary>
    public sealed record Variant(string AssemblyPath, string ScratchDirectory, WorkerSession Worker, IReadOnlyList<string> Swapped);

    /// <summary>Time spent building variants and starting their workers.</summary>
    public TimeSpan Spent { get; private set; }

    /// <summary>How many variants were built.</summary>
    public int Builds => _variants.Values.Count(v => v is not null);

    /// <summary>
    /// The build in which only <paramref name="parts"/> are the student's, or null when it would equal the student's own
    /// build (no other part differs from the reference) or does not compile (the student's part needs their other code).
    /// </summary>
    public Variant? For(IReadOnlyCollection<string> parts)
    {
        var key = Key(parts);
        if (_variants.TryGetValue(key, out var known))
        {
            return known;
        }

        var clock = Stopwatch.StartNew();
        var (spliced, swapped, _) = Plan(parts);
        Variant? variant = null;
        if (swapped.Count > 0)
        {
            var folder = Path.Combine(workDir, $"carried-{_variants.Count}");
            var lib = Directory.CreateDirectory(Path.Combine(folder, "lib")).FullName;
            var assemblyPath = Path.Combine(lib, "NeuralNet.dll");
            var compiled = SubmissionCompiler.Compile(library, spliced, assignment.Parts, assemblyPath, compileTimeout);
            if (compiled.AssemblyPath is not null && compiled.FailedFiles.Count == 0)
            {
                SubmissionCompiler.CopyDependencies(lib);
                var layout = WorkerLayout.Create(folder, assemblyPath);
                variant = new Variant(assemblyPath, layout.ScratchDirectory, new WorkerSession(layout, limits), swapped);
            }
        }

        _variants[key] = variant;
        Spent += clock.Elapsed;
        return variant;
    }

    /// <summary>
    /// Whether the build for <paramref name="parts"/> can run different code than the student's own build for
    /// <paramref name="check"/>: true unless the check's code (<see cref="TypeReach"/>) reaches no type of a file that
    /// the splice changes, or there is no such file. False means its result there would be the one it already has.
    /// </summary>
    public bool MayDiffer(IReadOnlyCollection<string> parts, Rubrics.CheckSpec check)
    {
        var (_, _, changed) = Plan(parts);
        if (changed.Count == 0)
        {
            return false;
        }

        return ReachesTypesIn(check, "changed:" + Key(parts), changed);
    }

    /// <summary>
    /// Whether <paramref name="check"/>'s code can reach the student's code of any of <paramref name="parts"/>: a type
    /// declared in one of their files (true when that cannot be told).
    /// </summary>
    public bool Reaches(Rubrics.CheckSpec check, IReadOnlyCollection<string> parts)
    {
        var partFiles = parts.Select(library.FileOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return partFiles.Count == 0 || ReachesTypesIn(check, "own:" + Key(parts), partFiles);
    }

    /// <summary>Whether the check's code reaches a type declared in <paramref name="files"/> (true without a compilation); the types are kept under <paramref name="key"/>.</summary>
    private bool ReachesTypesIn(Rubrics.CheckSpec check, string key, IEnumerable<string> files)
    {
        if (compiled is null)
        {
            return true;
        }

        _reach ??= new TypeReach(compiled);
        if (!_declaredTypes.TryGetValue(key, out var types))
        {
            _declaredTypes[key] = types = new HashSet<Microsoft.CodeAnalysis.INamedTypeSymbol>(_reach.DeclaredIn(files), Microsoft.CodeAnalysis.SymbolEqualityComparer.Default);
        }

        return _reach.From(check) is not { } reached || reached.Overlaps(types);
    }

    /// <summary>Whether the student's code of <paramref name="part"/> is still the kit's stub (<see cref="PartSplicer.IsStub"/>).</summary>
    public bool IsStub(string part)
    {
        if (!_stubs.TryGetValue(part, out var stub))
        {
            // Parsed once per part: a part's several checks ask the same question.
            _stubs[part] = stub = library.FileOf(part) is { } file && files.TryGetValue(file, out var text) && library.Regions.TryGetValue(file, out var regions)
                && PartSplicer.IsStub(text, library.Tree(file, SubmissionCompiler.ParseOptions), regions, part);
        }

        return stub;
    }

    private static string Key(IReadOnlyCollection<string> parts) => string.Join(',', parts.Order(StringComparer.Ordinal));

    /// <summary>The student's files with every part outside <paramref name="parts"/> the reference's, what that swapped, and the files it changed.</summary>
    private (Dictionary<string, string> Files, List<string> Swapped, HashSet<string> Changed) Plan(IReadOnlyCollection<string> parts)
    {
        var key = Key(parts);
        if (_plans.TryGetValue(key, out var plan))
        {
            return plan;
        }

        var keep = parts.ToHashSet(StringComparer.Ordinal);
        var spliced = new Dictionary<string, string>(files, StringComparer.Ordinal);
        var swapped = new List<string>();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, text) in files.Where(f => library.Regions.ContainsKey(f.Key)))
        {
            var (result, swaps) = PartSplicer.Splice(text, library.Tree(file, SubmissionCompiler.ParseOptions), library.Regions[file], keep);
            spliced[file] = result;
            var changes = swaps.Where(s => s.Changed).Select(s => $"{s.Part} ({s.Member})").ToList();
            swapped.AddRange(changes);
            if (changes.Count > 0)
            {
                changed.Add(file);
            }
        }

        return _plans[key] = (spliced, swapped, changed);
    }

    public void Dispose()
    {
        foreach (var variant in _variants.Values.OfType<Variant>())
        {
            variant.Worker.Dispose();
        }
    }
}
