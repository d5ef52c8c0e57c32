using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Compilation;

/// <summary>
/// Compiles a provided program (its own <c>.cs</c> files, e.g. <c>reference/NeuralNetCli</c>, without the
/// library sources its project links in) against the student's build of the course library, so the
/// worker can run the program on the student's code (the <c>output-files</c> check).
/// </summary>
public static class ProgramCompiler
{
    /// <summary>The assembly name of compiled programs; never the library's (assembly names are case-insensitive: <c>neuralnet</c> would shadow <c>NeuralNet</c>).</summary>
    public const string AssemblyName = "autograder-program";

    /// <param name="sourceFolder">the program's folder</param>
    /// <param name="libraryAssembly">the student's NeuralNet.dll</param>
    /// <param name="outputPath">where to write the program</param>
    /// <returns>the compiler errors; empty when the program was written</returns>
    public static IReadOnlyList<CompileDiagnostic> Compile(string sourceFolder, string libraryAssembly, string outputPath)
    {
        var trees = Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(sourceFolder, path).Replace('\\', '/'), Path: path))
            .Where(f => !f.Relative.Split('/').Any(s => s is "bin" or "obj"))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f.Path), SubmissionCompiler.ParseOptions, path: f.Relative, encoding: Encoding.UTF8))
            .Append(SubmissionCompiler.GlobalUsingsTree)
            .ToList();
        var references = CompilerReferences.References.Append(MetadataReference.CreateFromFile(libraryAssembly));
        var compilation = CSharpCompilation.Create(AssemblyName, trees, references, SubmissionCompiler.Options);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            return [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
            {
                var span = d.Location.GetLineSpan();
                return new CompileDiagnostic(span.Path ?? "", span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            })];
        }

        File.WriteAllBytes(outputPath, stream.ToArray());
        return [];
    }
}
