using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;

namespace Autograder.Grader.Compilation;

/// <summary>
/// Stage 2: compiles the student's files with the pristine rest of the course library into one
/// assembly. A student file that fails is replaced by its kit stub (its parts then score 0 with the
/// error) so every other file still compiles and grades. The pristine library is parsed once per
/// process and kept as a base compilation; a submission only swaps in its own syntax trees
/// (<see cref="CSharpCompilation.ReplaceSyntaxTree"/>), so declarations of unchanged files are reused.
/// </summary>
public static class SubmissionCompiler
{
    // The implicit usings of Microsoft.NET.Sdk, which the course library is written against.
    private const string GlobalUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private const string GlobalUsingsPath = "GlobalUsings.g.cs";

    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    internal static readonly SyntaxTree GlobalUsingsTree = CSharpSyntaxTree.ParseText(GlobalUsings, ParseOptions, path: GlobalUsingsPath, encoding: Encoding.UTF8);

    internal static readonly CSharpCompilationOptions Options = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        // Nullable annotations on, nullable warnings off: a grade uses only errors, and the flow analysis behind the warnings
        // (NullableWalker) was about a quarter of Roslyn's time in a batch (docs/performance.md, "Batch-grading a class").
        // The emitted assembly is the same either way.
        nullableContextOptions: NullableContextOptions.Annotations,
        allowUnsafe: false,
        deterministic: true,
        concurrentBuild: true,
        // A type of the submission named like one of NeuralNet.Core (CS0436 and its kin, warnings by default) would shadow
        // the pristine core inside the student's build: an error, so the file falls back to its stub.
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS0436"] = ReportDiagnostic.Error, ["CS0435"] = ReportDiagnostic.Error, ["CS0437"] = ReportDiagnostic.Error });

    private static readonly ConditionalWeakTable<CourseLibrary, CSharpCompilation> Pristine = [];

    // Builds by content, per library: regrading the same files (a rubric change, a rerun, the same
    // stub files across submissions) skips Roslyn's emit. Small and cleared when full: only bytes are kept.
    private static readonly ConditionalWeakTable<CourseLibrary, ConcurrentDictionary<string, Build>> Builds = [];
    private const int MaxCachedBuilds = 32;

    private sealed record Build(byte[]? Image, IReadOnlyDictionary<string, IReadOnlyList<CompileDiagnostic>> Failed, IReadOnlyList<CompileDiagnostic> Fatal, IReadOnlyDictionary<string, string> Texts);

    /// <param name="library">the pristine course library</param>
    /// <param name="studentFiles">the student's text per assignment file (relative path)</param>
    /// <param name="stubParts">the assignment's parts: their regions are stubbed in any file that falls back</param>
    /// <param name="outputPath">where to write the assembly (named NeuralNet.dll)</param>
    /// <param name="timeout">wall clock one compilation may take (default <see cref="DefaultTimeout"/>); a student file that makes it
    /// slower (deeply nested generic types) is replaced by its stub with an error saying so</param>
    public static CompileResult Compile(CourseLibrary library, IReadOnlyDictionary<string, string> studentFiles, IReadOnlyCollection<string> stubParts, string outputPath, TimeSpan? timeout = null)
    {
        var builds = Builds.GetValue(library, _ => new ConcurrentDictionary<string, Build>(StringComparer.Ordinal));
        var key = Key(studentFiles, stubParts);
        var studentSet = studentFiles.Keys.ToHashSet(StringComparer.Ordinal);
        if (builds.TryGetValue(key, out var cached))
        {
            if (cached.Image is { } image)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
                File.WriteAllBytes(outputPath, image);
            }

            return new CompileResult(cached.Image is null ? null : outputPath, cached.Failed, cached.Fatal, WithFiles(library, cached.Texts), studentSet);
        }

        var result = CompileFresh(library, studentFiles, stubParts, outputPath, timeout ?? DefaultTimeout, out var texts);
        if (result.FailedFiles.Values.Any(errors => errors.Any(e => e.Id == TimeoutId)))
        {
            // A timeout depends on the machine's load, not only on the files: never reuse it.
            return result;
        }

        if (builds.Count >= MaxCachedBuilds)
        {
            builds.Clear();
        }

        builds[key] = new Build(result.AssemblyPath is null ? null : File.ReadAllBytes(outputPath), result.FailedFiles, result.FatalErrors, texts);
        return result;
    }

    /// <summary>The diagnostic id of a student file blamed for a compilation that took too long.</summary>
    public const string TimeoutId = "AG0001";

    /// <summary>The diagnostic id of a student file whose type names nest too deep (see <see cref="Pathological"/>).</summary>
    public const string NestingId = "AG0002";

    /// <summary>Wall clock a compilation may take unless the rubric says otherwise (a normal one takes a few seconds).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private static CompileResult CompileFresh(CourseLibrary library, IReadOnlyDictionary<string, string> studentFiles, IReadOnlyCollection<string> stubParts, string outputPath, TimeSpan timeout, out IReadOnlyDictionary<string, string> finalTexts)
    {
        var failed = new Dictionary<string, IReadOnlyList<CompileDiagnostic>>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(studentFiles, StringComparer.Ordinal);
        finalTexts = texts;
        var studentSet = studentFiles.Keys.ToHashSet(StringComparer.Ordinal);

        // A failed student file is recorded with its diagnostics and replaced by the kit's stub (or nothing).
        void Replace(string file, IReadOnlyList<CompileDiagnostic> why)
        {
            failed[file] = why;
            texts[file] = library.Sources.ContainsKey(file) ? library.Stub(file, stubParts) : "";
        }

        foreach (var (file, text) in studentFiles)
        {
            if (Pathological(text, file) is { } problem)
            {
                Replace(file, [problem]);
            }
        }

        for (var attempt = 0; ; attempt++)
        {
            var compilation = WithFiles(library, texts);
            var studentStill = studentFiles.Keys.Where(f => !failed.ContainsKey(f)).ToList();
            // Emit reports every compile error itself; asking for diagnostics first would bind the library twice.
            var errors = Emit(compilation, outputPath, timeout);
            if (errors is null)
            {
                var slow = SlowFiles(compilation, studentStill, timeout / 2);
                if (slow.Count == 0 || (slow.Count == studentStill.Count && slow.Count > 1))
                {
                    // No single file stands out: the machine is too busy, not the submission too hard. A grader error
                    // (no points judged, regraded by the next batch run) is fairer than blaming every file.
                    throw new TimeoutException($"compiling the submission took longer than {timeout.TotalSeconds:0} s and no single file was to blame; the grading machine may be overloaded");
                }

                foreach (var file in slow)
                {
                    Replace(file, [new CompileDiagnostic(file, 1, 1, TimeoutId, $"compiling this file took longer than {timeout.TotalSeconds:0} s (deeply nested generic types?); simplify it")]);
                }

                if (attempt > studentFiles.Count)
                {
                    return new CompileResult(null, failed, [.. failed.Values.SelectMany(e => e)], compilation, studentSet);
                }

                continue;
            }

            if (errors.Count == 0)
            {
                return new CompileResult(outputPath, failed, [], compilation, studentSet);
            }

            var inStudent = studentStill.Where(f => errors.Any(e => e.File == f)).ToList();
            // A student file that dropped a type the rest of the library uses (deleted or renamed a class) breaks other
            // files' builds: blame it, not them. Otherwise errors in student files blame those files, and errors only in
            // provided files (a student file broke an API they use) blame every remaining student file.
            // Each file is parsed once here; errors are then matched against the few type names it dropped.
            var dropped = studentStill.Where(f => library.Sources.ContainsKey(f))
                .Select(f => (File: f, Missing: DeclaredTypes(library.Tree(f, ParseOptions)).Except(DeclaredTypes(CSharpSyntaxTree.ParseText(texts[f], ParseOptions))).ToList()))
                .Where(d => d.Missing.Count > 0)
                .Select(d => (d.File, Naming: errors.Where(e => d.Missing.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))).ToList()))
                .Where(d => d.Naming.Count > 0)
                .ToDictionary(d => d.File, d => d.Naming);
            var blamed = dropped.Count > 0 ? [.. dropped.Keys] : inStudent.Count > 0 ? inStudent : studentStill;
            if (blamed.Count == 0 || attempt > studentFiles.Count)
            {
                return new CompileResult(null, failed, errors, compilation, studentSet);
            }

            foreach (var file in blamed)
            {
                Replace(file, dropped.TryGetValue(file, out var naming) ? naming : inStudent.Count > 0 ? errors.Where(e => e.File == file).ToList() : errors);
            }
        }
    }

    /// <summary>The student files whose own diagnostics take longer than <paramref name="probe"/> to compute.</summary>
    private static List<string> SlowFiles(CSharpCompilation compilation, IReadOnlyList<string> files, TimeSpan probe)
    {
        var slow = new List<string>();
        foreach (var tree in compilation.SyntaxTrees.Where(t => files.Contains(t.FilePath)))
        {
            if (Within(probe, cancel => (object)compilation.GetSemanticModel(tree).GetDiagnostics(cancellationToken: cancel)) is null)
            {
                slow.Add(tree.FilePath);
            }
        }

        return slow;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on its own thread; null when it did not finish within <paramref name="timeout"/>. Roslyn checks
    /// its cancellation token between members, not inside one exponential type substitution, so a call that ignores
    /// the token is abandoned (its thread runs on in the background; <see cref="Pathological"/> keeps the known cases out).
    /// </summary>
    private static T? Within<T>(TimeSpan timeout, Func<CancellationToken, T> work)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        var task = Task.Factory.StartNew(() => work(deadline.Token), deadline.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return task.Wait(timeout + TimeSpan.FromSeconds(5)) ? task.Result : null;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            return null;
        }
    }

    /// <summary>Deepest nesting of qualified type names (<c>A.B.C</c>) and of type arguments (<c>A&lt;B&lt;C&gt;&gt;</c>) a student file may use.</summary>
    private const int MaxTypeNesting = 12;

    /// <summary>
    /// A compile error for a student file whose type names nest deeper than <see cref="MaxTypeNesting"/>: the known way to make
    /// Roslyn bind exponentially many types (a generic class whose nested class derives from it, named as Inner.Inner...Inner).
    /// Course code nests four or five levels at most.
    /// </summary>
    private static CompileDiagnostic? Pathological(string text, string file)
    {
        var root = CSharpSyntaxTree.ParseText(text, ParseOptions, path: file).GetRoot();
        foreach (var node in root.DescendantNodes().Where(n => n is QualifiedNameSyntax or TypeArgumentListSyntax))
        {
            var depth = node.AncestorsAndSelf().TakeWhile(a => a is QualifiedNameSyntax or TypeArgumentListSyntax or TypeSyntax).Count(a => a.GetType() == node.GetType());
            if (depth > MaxTypeNesting)
            {
                var at = node.GetLocation().GetLineSpan().StartLinePosition;
                return new CompileDiagnostic(file, at.Line + 1, at.Character + 1, NestingId,
                    $"type names nested more than {MaxTypeNesting} levels deep ({(node is QualifiedNameSyntax ? "A.B.C..." : "A<B<C<...>>>")}) make the compiler take too long; simplify them");
            }
        }

        return null;
    }

    /// <summary>The names of the types <paramref name="tree"/> declares.</summary>
    private static IEnumerable<string> DeclaredTypes(SyntaxTree tree) =>
        tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText);

    private static string Key(IReadOnlyDictionary<string, string> files, IReadOnlyCollection<string> parts)
    {
        var all = new StringBuilder();
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            all.Append(path).Append('\0').Append(text).Append('\0');
        }

        all.Append(string.Join(',', parts.Order(StringComparer.Ordinal)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())));
    }

    /// <summary>Compiles sources into an in-memory compilation (also used to build a test-only reference library).</summary>
    public static CSharpCompilation Create(IReadOnlyDictionary<string, string> sources, string assemblyName)
    {
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Value, ParseOptions, path: s.Key, encoding: Encoding.UTF8))
            .Append(GlobalUsingsTree);
        return CSharpCompilation.Create(assemblyName, trees, CompilerReferences.References, Options);
    }

    /// <summary>The pristine library's compilation with each of <paramref name="files"/> swapped in (or added).</summary>
    private static CSharpCompilation WithFiles(CourseLibrary library, IReadOnlyDictionary<string, string> files)
    {
        var compilation = Pristine.GetValue(library, l => CSharpCompilation.Create(
            "NeuralNet", l.Sources.Keys.Select(f => l.Tree(f, ParseOptions)).Append(GlobalUsingsTree), CompilerReferences.References, Options));
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, path: path, encoding: Encoding.UTF8);
            compilation = library.Sources.ContainsKey(path)
                ? compilation.ReplaceSyntaxTree(library.Tree(path, ParseOptions), tree)
                : compilation.AddSyntaxTrees(tree);
        }

        return compilation;
    }

    /// <summary>The compile errors (empty when the assembly was written), or null when compiling took longer than <paramref name="timeout"/>.</summary>
    private static List<CompileDiagnostic>? Emit(CSharpCompilation compilation, string outputPath, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        using var stream = new MemoryStream();
        var result = Within(timeout, cancel => compilation.Emit(stream, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded), cancellationToken: cancel));
        if (result is null)
        {
            return null;
        }

        if (!result.Success)
        {
            return result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(ToDiagnostic).ToList();
        }

        File.WriteAllBytes(outputPath, stream.ToArray());
        return [];
    }

    private static CompileDiagnostic ToDiagnostic(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return new CompileDiagnostic(span.Path ?? "", span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Copies the package assemblies the build needs beside it, for the worker's load context.</summary>
    public static void CopyDependencies(string outputDirectory)
    {
        foreach (var path in CompilerReferences.PackagePaths())
        {
            File.Copy(path, Path.Combine(outputDirectory, Path.GetFileName(path)), overwrite: true);
        }
    }

    internal static ImmutableArray<SyntaxTree> StudentTrees(CompileResult result) =>
        [.. result.Compilation.SyntaxTrees.Where(t => result.StudentFiles.Contains(t.FilePath) && !result.FailedFiles.ContainsKey(t.FilePath))];
}
