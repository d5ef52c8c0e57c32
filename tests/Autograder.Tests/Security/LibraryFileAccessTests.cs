using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;
using Autograder.Grader.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Tests.Security;

/// <summary>
/// The course library is the submission's own assembly, so the policy's namespace rules never see what
/// its types do inside: a library type that touches the file system or the environment is a way out
/// for a submission (the LibraryLoadersReadHostFiles and LibraryWriterWritesOutsideWorkDir attacks).
/// This test finds every such type in the reference library and requires the policy to deny it.
/// </summary>
public sealed class LibraryFileAccessTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    /// <summary>Types whose use means file or environment access (Path is string arithmetic and stays allowed).</summary>
    private static readonly HashSet<string> FileSystem =
    [
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.Compression.ZipFile", "System.Diagnostics.Process",
    ];

    /// <summary>Environment members that read nothing from outside the process.</summary>
    private static readonly HashSet<string> HarmlessEnvironment = ["ProcessorCount", "NewLine"];

    [Fact]
    public void Policy_DeniesEveryLibraryTypeThatTouchesFilesOrTheEnvironment()
    {
        // NeuralNet.Core (compiled on its own, as it ships) and the modules.
        var core = SubmissionCompiler.Create(CourseLibrary.Load(Path.Combine(Root, "reference", "NeuralNet.Core")).Sources, "NeuralNet.Core");
        var modules = SubmissionCompiler.Create(CourseLibrary.Load(Path.Combine(Root, "reference", "NeuralNet")).Sources, "NeuralNet");
        var touching = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (compilation, tree) in core.SyntaxTrees.Select(t => (core, t)).Concat(modules.SyntaxTrees.Select(t => (modules, t))))
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                var used = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                var usedName = used?.OriginalDefinition.ToDisplayString();
                var outside = usedName is not null && (FileSystem.Contains(usedName)
                    || (usedName == "System.Environment" && symbol is not INamedTypeSymbol && !HarmlessEnvironment.Contains(symbol!.Name)));
                if (outside && name.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>() is { } declaration
                    && model.GetDeclaredSymbol(declaration) is { } owner)
                {
                    var top = owner;
                    while (top.ContainingType is { } parent)
                    {
                        top = parent;
                    }

                    touching.Add(top.ToDisplayString());
                }
            }
        }

        Assert.Contains("NeuralNet.Data.DataStore", touching);
        var missing = touching.Where(t => !ApiAllowList.DeniedLibraryTypes.Contains(t)).ToList();
        Assert.True(missing.Count == 0, "library types with file or environment access that the policy allows: " + string.Join(", ", missing));
    }

    [Fact]
    public void Policy_DeniedLibraryTypes_AreNotUsedByAnyAssignmentFile()
    {
        var library = CourseLibrary.Load(Path.Combine(Root, "reference", "NeuralNet"));
        var files = Directory.EnumerateFiles(Path.Combine(Root, "rubrics"), "*.assignment.yaml")
            .SelectMany(p => Autograder.Grader.Assignments.AssignmentProfile.Load(p).Files)
            .Distinct()
            .ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = library.Sources[file];
            Assert.All(ApiAllowList.DeniedLibraryTypes, t => Assert.DoesNotContain(t.Split('.')[^1] + ".", text, StringComparison.Ordinal));
        }
    }
}
