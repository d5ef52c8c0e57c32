using System.Text.Json;
using System.Text.RegularExpressions;
using Autograder.Grader.Rubrics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// Which source types of a build a check can run: the types its spec names (<c>NeuralNet.…</c>) and every type their
/// code refers to, transitively (base types, fields, signatures, bodies: each name the compiler binds). Error carried
/// forward uses it to skip re-running a check whose code is the same in the carried-forward build: if no type that the
/// splice changes is reachable, that build runs the same code for the check, so its result would be the same.
/// Conservative where it cannot know: a check kind that builds objects from catalogs or files (training runs, logs,
/// programs), a spec name it cannot resolve, or reached code that uses the course catalog (NeuralNet.Experiments, which
/// creates modules by name) reaches everything.
/// </summary>
internal sealed class TypeReach(Microsoft.CodeAnalysis.Compilation compilation)
{
    /// <summary>Check kinds whose calls start only at the types their spec names.</summary>
    private static readonly HashSet<string> Traceable = new(StringComparer.Ordinal) { "init", "forward", "backward", "gradcheck", "model", "optimizer", "function" };

    private Dictionary<INamedTypeSymbol, HashSet<INamedTypeSymbol>>? _edges;

    /// <summary>Source types whose code uses the course catalog (NeuralNet.Experiments), which creates modules by name.</summary>
    private readonly HashSet<INamedTypeSymbol> _reflective = new(SymbolEqualityComparer.Default);

    private static readonly Regex NamePattern = new(@"NeuralNet(?:\.[A-Za-z_][A-Za-z0-9_]*)+", RegexOptions.CultureInvariant);

    /// <summary>The source types <paramref name="spec"/> can run, or null when that cannot be known (then assume everything).</summary>
    public HashSet<INamedTypeSymbol>? From(CheckSpec spec)
    {
        if (!Traceable.Contains(spec.Kind))
        {
            return null;
        }

        string text;
        try
        {
            text = JsonSerializer.Serialize(spec);
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            return null;
        }

        var roots = new List<INamedTypeSymbol>();
        foreach (var name in NamePattern.Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            // The longest prefix that names a type: "NeuralNet.Optimizers.Sgd.Update" is the type Sgd's method Update.
            var parts = name.Split('.');
            var type = Enumerable.Range(2, parts.Length - 1).Reverse()
                .Select(n => compilation.GetTypeByMetadataName(string.Join('.', parts[..n])))
                .FirstOrDefault(t => t is not null);
            if (type is null)
            {
                return null;
            }

            if (type.Locations.Any(l => l.IsInSource))
            {
                roots.Add(type.OriginalDefinition);
            }
            else if (IsCatalog(type))
            {
                return null;
            }
        }

        var edges = Edges();
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var queue = new Queue<INamedTypeSymbol>(roots);
        while (queue.TryDequeue(out var type))
        {
            if (!seen.Add(type))
            {
                continue;
            }

            if (_reflective.Contains(type))
            {
                return null;
            }

            foreach (var next in edges.GetValueOrDefault(type) ?? [])
            {
                queue.Enqueue(next);
            }
        }

        return seen;
    }

    /// <summary>The source types declared in the files at <paramref name="paths"/>.</summary>
    public IEnumerable<INamedTypeSymbol> DeclaredIn(IEnumerable<string> paths)
    {
        var set = paths.ToHashSet(StringComparer.Ordinal);
        return compilation.SyntaxTrees.Where(t => set.Contains(t.FilePath)).SelectMany(tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            return tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
                .Select(d => model.GetDeclaredSymbol(d)).OfType<INamedTypeSymbol>().Select(t => t.OriginalDefinition);
        });
    }

    private Dictionary<INamedTypeSymbol, HashSet<INamedTypeSymbol>> Edges()
    {
        if (_edges is not null)
        {
            return _edges;
        }

        var edges = new Dictionary<INamedTypeSymbol, HashSet<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol owner)
                {
                    continue;
                }

                owner = owner.OriginalDefinition;
                if (!edges.TryGetValue(owner, out var targets))
                {
                    edges[owner] = targets = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                }

                Add(targets, owner.BaseType);
                Add(targets, owner.ContainingType);
                foreach (var i in owner.AllInterfaces)
                {
                    Add(targets, i);
                }

                foreach (var node in declaration.DescendantNodes())
                {
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.TypeSyntax)
                    {
                        var info = model.GetSymbolInfo(node);
                        var type = model.GetTypeInfo(node).Type as INamedTypeSymbol;
                        foreach (var used in info.CandidateSymbols.Append(info.Symbol).Select(symbol => symbol as INamedTypeSymbol ?? symbol?.ContainingType).Append(type))
                        {
                            Add(targets, used);
                            if (used is not null && IsCatalog(used))
                            {
                                _reflective.Add(owner);
                            }
                        }
                    }
                }
            }
        }

        return _edges = edges;
    }

    /// <summary>A type of NeuralNet.Experiments, whose course catalog creates modules by name (reflection).</summary>
    private static bool IsCatalog(INamedTypeSymbol type) =>
        type.ContainingNamespace?.ToDisplayString().StartsWith("NeuralNet.Experiments", StringComparison.Ordinal) == true;

    private static void Add(HashSet<INamedTypeSymbol> targets, INamedTypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.Locations.Any(l => l.IsInSource))
            {
                targets.Add(t.OriginalDefinition);
            }

            foreach (var argument in t.TypeArguments.OfType<INamedTypeSymbol>())
            {
                Add(targets, argument);
            }
        }
    }
}
