using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using Autograder.Grader.Execution;
using Microsoft.CodeAnalysis;

namespace Autograder.Grader.Compilation;

/// <summary>
/// The reference modules that compute a course's expected values. For the repository the grader was built from, the
/// grader's own <c>NeuralNet</c> assembly; for any other course folder (an instructor's own assignments, made with
/// <c>autograder new</c>), its <c>reference/NeuralNet</c> sources compiled against the pristine NeuralNet.Core and loaded
/// in a load context of their own, so a course adds modules without rebuilding the grader.
/// </summary>
public static class CourseReference
{
    private static readonly ConcurrentDictionary<string, Assembly> Compiled = new(StringComparer.Ordinal);

    /// <summary>The reference assembly of the course at <paramref name="courseRoot"/>.</summary>
    /// <param name="courseRoot">the course folder</param>
    /// <param name="libraryRoot">its library folder when not reference/NeuralNet</param>
    /// <returns>the assembly holding the course's reference modules</returns>
    /// <exception cref="InvalidOperationException">the course's reference sources do not compile (the first errors are named)</exception>
    public static Assembly For(string courseRoot, string? libraryRoot = null)
    {
        var library = Path.GetFullPath(libraryRoot ?? new Autograder.Grader.Release.RepositoryLayout(courseRoot).ReferenceLibrary);
        var own = CourseRootFinder.TryFind(AppContext.BaseDirectory);
        if (!Directory.Exists(library) || (own is not null && Path.GetFullPath(new Autograder.Grader.Release.RepositoryLayout(own).ReferenceLibrary) == library))
        {
            return Assembly.Load(CourseCatalogName);
        }

        var sources = CourseLibrary.Load(library).Sources;
        var key = Hash(sources);
        return Compiled.GetOrAdd(key, _ => Compile(sources, library));
    }

    private const string CourseCatalogName = "NeuralNet";

    private static Assembly Compile(IReadOnlyDictionary<string, string> sources, string library)
    {
        var compilation = SubmissionCompiler.Create(sources, CourseCatalogName);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d =>
            {
                var at = d.Location.GetLineSpan();
                return $"{at.Path}({at.StartLinePosition.Line + 1},{at.StartLinePosition.Character + 1}): {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            });
            throw new InvalidOperationException($"the course's reference library {library} does not compile: {string.Join("; ", errors)}");
        }

        stream.Position = 0;
        return new ReferenceLoadContext().LoadFromStream(stream);
    }

    private static string Hash(IReadOnlyDictionary<string, string> sources)
    {
        var all = new StringBuilder(CompilerReferences.CoreHash);
        foreach (var (path, text) in sources)
        {
            all.Append('\0').Append(path).Append('\0').Append(text);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())));
    }

    /// <summary>Holds one course's reference modules; NeuralNet.Core and every other dependency resolve to the grader's own (shared types).</summary>
    private sealed class ReferenceLoadContext() : AssemblyLoadContext("course-reference", isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
