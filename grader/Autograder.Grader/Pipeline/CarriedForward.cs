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
    TimeSpan compileTimeout, string workDir, WorkerLimits limits) : IDisposable
{
    private readonly Dictionary<string, Variant?> _variants = new(StringComparer.Ordinal);

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
        var key = string.Join(',', parts.Order(StringComparer.Ordinal));
        if (_variants.TryGetValue(key, out var known))
        {
            return known;
        }

        var clock = Stopwatch.StartNew();
        var keep = parts.ToHashSet(StringComparer.Ordinal);
        var spliced = new Dictionary<string, string>(files, StringComparer.Ordinal);
        var swapped = new List<string>();
        foreach (var (file, text) in files.Where(f => library.Regions.ContainsKey(f.Key)))
        {
            var (result, swaps) = PartSplicer.Splice(text, library.Tree(file, SubmissionCompiler.ParseOptions), library.Regions[file], keep);
            spliced[file] = result;
            swapped.AddRange(swaps.Where(s => s.Changed).Select(s => $"{s.Part} ({s.Member})"));
        }

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

    public void Dispose()
    {
        foreach (var variant in _variants.Values.OfType<Variant>())
        {
            variant.Worker.Dispose();
        }
    }
}
