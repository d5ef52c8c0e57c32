using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Autograder.Grader.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Gradescope;

/// <summary>
/// The <c>NeuralNet.dll</c> a bundle's published grader carries. The grader references the course library (release
/// fixtures, <c>train</c>, <c>plot</c>), so its publish holds every module compiled, every assignment's solution as IL;
/// the bundle gets instead one compiled from the sources of its assignment's modules (and the modules they use) only,
/// with the published assembly's name and versions so deps.json and the assemblies referencing it still bind.
/// Grading in the bundle never needs another module: the reference is compiled from the bundle's own course sources
/// (<see cref="CourseReference"/>, the bundle is not the repository the grader was built from) and release, train and
/// plot of other assignments are not what a bundle runs.
/// </summary>
internal static class BundleLibrary
{
    /// <summary>The course library's assembly file in a publish of the grader.</summary>
    public const string FileName = CourseReferenceName + ".dll";

    /// <summary>Files of the published library that describe every module (its debug symbols, its XML docs): left out of a bundle.</summary>
    public static readonly string[] Companions = [CourseReferenceName + ".pdb", CourseReferenceName + ".xml"];

    private const string CourseReferenceName = "NeuralNet";

    /// <summary>Compiles <paramref name="sources"/> into <paramref name="target"/> as a stand-in for <paramref name="published"/>.</summary>
    /// <param name="sources">the module sources, relative path to text</param>
    /// <param name="published">the publish's NeuralNet.dll: its assembly and file versions are copied, and the NeuralNet.Core
    /// and packages beside it are compiled against</param>
    /// <param name="target">the assembly to write</param>
    /// <exception cref="InvalidOperationException">the sources do not compile (the first errors are named)</exception>
    public static void Compile(IReadOnlyDictionary<string, string> sources, string published, string target)
    {
        var version = AssemblyName.GetAssemblyName(published).Version ?? new Version(0, 0, 0, 0);
        var fileVersion = FileVersionInfo.GetVersionInfo(published).FileVersion is { Length: > 0 } v ? v : version.ToString();
        var attributes = string.Create(CultureInfo.InvariantCulture, $"""
            [assembly: System.Reflection.AssemblyVersion("{version}")]
            [assembly: System.Reflection.AssemblyFileVersion("{fileVersion}")]
            """);
        var trees = sources.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => CSharpSyntaxTree.ParseText(s.Value, SubmissionCompiler.ParseOptions, path: s.Key, encoding: Encoding.UTF8))
            .Append(SubmissionCompiler.GlobalUsingsTree)
            .Append(CSharpSyntaxTree.ParseText(attributes, SubmissionCompiler.ParseOptions, path: "BundleAssemblyInfo.g.cs", encoding: Encoding.UTF8));
        var references = CompilerReferences.WithPackagesFrom(Path.GetDirectoryName(Path.GetFullPath(published))!);
        var compilation = CSharpCompilation.Create(CourseReferenceName, trees, references, SubmissionCompiler.Options);
        using var stream = File.Create(target);
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString());
            throw new InvalidOperationException($"gradescope: the assignment's modules do not compile on their own: {string.Join("; ", errors)}");
        }
    }
}
