using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Autograder.Grader.Assignments;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Tests.Gradescope;

/// <summary>
/// The types an assignment's bundle must not carry compiled, derived from <c>reference/NeuralNet/modules.yaml</c>: every
/// type declared in a source of a module outside the assignment's closure, and every namespace only such sources declare
/// (e.g. <c>NeuralNet.Models.Hw3</c> for A1). Assemblies are read with <see cref="MetadataReader"/>, never loaded.
/// </summary>
internal sealed class ForeignModuleTypes
{
    private ForeignModuleTypes(IReadOnlySet<string> types, IReadOnlySet<string> namespaces)
    {
        Types = types;
        Namespaces = namespaces;
    }

    /// <summary>Full names (namespace.Name, no generic arity) of the types of the other modules.</summary>
    public IReadOnlySet<string> Types { get; }

    /// <summary>Namespaces declared by the other modules' sources and by neither the assignment's modules nor NeuralNet.Core.</summary>
    public IReadOnlySet<string> Namespaces { get; }

    /// <param name="repository">the course repository</param>
    /// <param name="assignment">an assignment id; its profile's <c>modules</c> and the modules they use are its own</param>
    public static ForeignModuleTypes Of(string repository, string assignment)
    {
        var modules = AssignmentProfile.Load(Path.Combine(repository, "rubrics", assignment + AssignmentProfile.FileSuffix)).Modules;
        var library = Path.Combine(repository, "reference", "NeuralNet");
        var all = CourseModules.Load(library);
        var own = all.SourcesOf(modules).ToHashSet(StringComparer.Ordinal);
        var foreign = all.Sources.Where(f => !own.Contains(f)).SelectMany(f => Declared(File.ReadAllText(Path.Combine(library, f)))).ToList();
        var allowed = own.Select(f => Path.Combine(library, f))
            .Concat(Directory.EnumerateFiles(Path.Combine(repository, "reference", "NeuralNet.Core"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
            .SelectMany(f => Declared(File.ReadAllText(f)))
            .ToList();
        var allowedNamespaces = allowed.Select(t => t.Namespace).ToHashSet(StringComparer.Ordinal);
        return new ForeignModuleTypes(
            foreign.Select(t => t.FullName).Except(allowed.Select(t => t.FullName)).ToHashSet(StringComparer.Ordinal),
            foreign.Select(t => t.Namespace).Where(n => n.Length > 0 && !allowedNamespaces.Contains(n)).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The types <paramref name="assembly"/> defines that belong to another module: by full name, or by namespace.</summary>
    /// <param name="assembly">a .dll file</param>
    /// <returns>their full names, empty when none</returns>
    public IReadOnlyList<string> DefinedIn(string assembly) =>
        [.. DefinedTypes(assembly).Where(t => Types.Contains(t.FullName) || Namespaces.Contains(t.Namespace)).Select(t => t.FullName)];

    /// <summary>The top-level types <paramref name="assembly"/> defines (empty for a file without metadata).</summary>
    public static IReadOnlyList<(string Namespace, string FullName)> DefinedTypes(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            return [];
        }

        var reader = pe.GetMetadataReader();
        return [.. reader.TypeDefinitions.Select(reader.GetTypeDefinition)
            .Where(t => t.GetDeclaringType().IsNil)
            .Select(t => (Namespace: reader.GetString(t.Namespace), Name: reader.GetString(t.Name).Split('`')[0]))
            .Where(t => t.Name != "<Module>")
            .Select(t => (t.Namespace, t.Namespace.Length == 0 ? t.Name : $"{t.Namespace}.{t.Name}"))];
    }

    private static IEnumerable<(string Namespace, string FullName)> Declared(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes()
            .Where(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && n.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            .Select(n =>
            {
                var name = n is BaseTypeDeclarationSyntax type ? type.Identifier.ValueText : ((DelegateDeclarationSyntax)n).Identifier.ValueText;
                var space = string.Join('.', n.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(s => s.Name.ToString()));
                return (space, space.Length == 0 ? name : $"{space}.{name}");
            });
}
