using Autograder.Grader.Release;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Compilation;

/// <summary>
/// Swaps the reference's code into a student's file, member by member: every method, constructor or property
/// that holds a solution region of a part not kept is replaced by the reference's member of the same type, name
/// and parameter types. A kit's students keep no markers, so members are matched by signature; a member the
/// student renamed or deleted stays as written (the build then shows whether the rest still fits).
/// </summary>
internal static class PartSplicer
{
    /// <summary>A student member that was replaced: its signature and the part its reference region belongs to.</summary>
    public sealed record Swap(string Member, string Part, bool Changed);

    /// <summary>The student's text with the reference's members for every part outside <paramref name="keep"/>, and the swaps made.</summary>
    public static (string Text, IReadOnlyList<Swap> Swaps) Splice(string student, SyntaxTree reference, IReadOnlyList<SolutionRegion> regions, IReadOnlySet<string> keep)
    {
        var wanted = Members(reference, regions, keep);
        if (wanted.Count == 0)
        {
            return (student, []);
        }

        var root = CSharpSyntaxTree.ParseText(student, SubmissionCompiler.ParseOptions).GetRoot();
        var targets = root.DescendantNodes().OfType<MemberDeclarationSyntax>()
            .Select(m => (Node: m, Key: Key(m)))
            .Where(m => m.Key is not null && wanted.ContainsKey(m.Key))
            .GroupBy(m => m.Key!).Where(g => g.Count() == 1).Select(g => g.First())
            .ToDictionary(m => m.Node, m => m.Key!);
        if (targets.Count == 0)
        {
            return (student, []);
        }

        var swaps = targets.Select(t => new Swap(t.Value, wanted[t.Value].Part, !t.Key.IsEquivalentTo(wanted[t.Value].Node, topLevel: false))).ToList();
        var spliced = root.ReplaceNodes(targets.Keys, (original, _) => wanted[targets[original]].Node.WithTriviaFrom(original));
        return (spliced.ToFullString(), swaps);
    }

    /// <summary>
    /// The reference members holding a region of a part outside <paramref name="keep"/> (a member that also holds a kept
    /// part's region is left alone: the student's code of that part lives in it).
    /// </summary>
    private static Dictionary<string, (MemberDeclarationSyntax Node, string Part)> Members(SyntaxTree reference, IReadOnlyList<SolutionRegion> regions, IReadOnlySet<string> keep)
    {
        var root = reference.GetRoot();
        var lines = reference.GetText().Lines;
        var owners = regions.Select(r => (r.Part, Node: Owner(root, lines[r.BeginLine - 1].Start))).Where(o => o.Node is not null).ToList();
        var keptOwners = owners.Where(o => keep.Contains(o.Part)).Select(o => o.Node).ToHashSet();
        var members = new Dictionary<string, (MemberDeclarationSyntax, string)>(StringComparer.Ordinal);
        foreach (var (part, node) in owners.Where(o => !keep.Contains(o.Part) && !keptOwners.Contains(o.Node)))
        {
            if (Key(node!) is { } key)
            {
                members.TryAdd(key, (node!, part));
            }
        }

        return members;
    }

    /// <summary>
    /// Whether the student's member holding <paramref name="part"/> (matched to the reference's by signature) still throws the
    /// kit's stub, <c>throw new NotImplementedException("TODO(part)...")</c>: grading it with other code would only run the stub again.
    /// </summary>
    public static bool IsStub(string student, SyntaxTree reference, IReadOnlyList<SolutionRegion> regions, string part)
    {
        var root = reference.GetRoot();
        var lines = reference.GetText().Lines;
        var keys = regions.Where(r => r.Part == part).Select(r => Owner(root, lines[r.BeginLine - 1].Start)).OfType<MemberDeclarationSyntax>()
            .Select(Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var marker = $"TODO({part})";
        return CSharpSyntaxTree.ParseText(student, SubmissionCompiler.ParseOptions).GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>()
            .Where(m => Key(m) is { } key && keys.Contains(key))
            .Any(m => m.DescendantNodes().Any(n => n is ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax creation } && Throws(creation)
                || n is ThrowExpressionSyntax { Expression: ObjectCreationExpressionSyntax thrown } && Throws(thrown)));

        bool Throws(ObjectCreationExpressionSyntax creation) =>
            creation.Type.ToString() is "NotImplementedException" or "System.NotImplementedException"
            && creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal
            && literal.Token.ValueText.StartsWith(marker, StringComparison.Ordinal);
    }

    /// <summary>The innermost method, constructor, property or operator whose span holds <paramref name="position"/>.</summary>
    private static MemberDeclarationSyntax? Owner(SyntaxNode root, int position) =>
        root.DescendantNodes(n => n.FullSpan.Contains(position))
            .OfType<MemberDeclarationSyntax>()
            .Where(m => m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax && m.FullSpan.Contains(position))
            .OrderBy(m => m.FullSpan.Length)
            .FirstOrDefault();

    /// <summary>The member's signature: declaring types, name and parameter types (<c>Linear.Backward(Tensor,Tensor)</c>).</summary>
    public static string? Key(MemberDeclarationSyntax member)
    {
        var types = string.Join('.', member.Ancestors().OfType<BaseTypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.ValueText));
        static string Params(BaseParameterListSyntax list) => string.Join(',', list.Parameters.Select(p => p.Type?.ToString() ?? ""));
        return member switch
        {
            MethodDeclarationSyntax m => $"{types}.{m.Identifier.ValueText}({Params(m.ParameterList)})",
            ConstructorDeclarationSyntax c => $"{types}.{c.Identifier.ValueText}({Params(c.ParameterList)})",
            OperatorDeclarationSyntax o => $"{types}.operator{o.OperatorToken.ValueText}({Params(o.ParameterList)})",
            PropertyDeclarationSyntax p => $"{types}.{p.Identifier.ValueText}",
            IndexerDeclarationSyntax i => $"{types}.this[{Params(i.ParameterList)}]",
            _ => null,
        };
    }
}
