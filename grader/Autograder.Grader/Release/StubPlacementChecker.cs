using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Release;

/// <summary>
/// Checks that a kit file whose regions were stubbed still compiles as far as syntax can tell:
/// each stub is a <c>throw</c> statement in a method-like body (not an expression or a field
/// initialiser), stubbing broke no syntax, and no local declared inside a stubbed region is used
/// after it.
/// </summary>
public static class StubPlacementChecker
{
    /// <summary>Throws a <see cref="MarkerException"/> naming the file and the region's BEGIN line on the first problem.</summary>
    /// <param name="original">the reference file</param>
    /// <param name="released">the file after <see cref="RegionReplacer.Apply"/></param>
    /// <param name="stubbed">the regions that were replaced by stubs</param>
    public static void Check(string original, string released, IReadOnlyList<SolutionRegion> stubbed)
    {
        if (stubbed.Count == 0)
        {
            return;
        }

        var before = CSharpSyntaxTree.ParseText(original);
        var after = CSharpSyntaxTree.ParseText(released);
        var ordered = stubbed.OrderBy(r => r.BeginLine).ToList();

        var searchFrom = 0;
        foreach (var region in ordered)
        {
            var stub = RegionReplacer.StubStatement(region);
            var position = released.IndexOf(stub, searchFrom, StringComparison.Ordinal);
            searchFrom = position + stub.Length;
            CheckPlacement(after.GetRoot().FindToken(position).Parent, region);
            CheckSameBlock(before, region);
            CheckLocalsNotUsedAfter(before, region);
        }

        CheckSyntax(before, after, ordered[0]);
    }

    private static void CheckSyntax(SyntaxTree before, SyntaxTree after, SolutionRegion first)
    {
        if (before.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return;
        }

        var error = after.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
        {
            var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
            throw new MarkerException(first.File, first.BeginLine,
                $"stubbing the assigned regions breaks the file's syntax (kit line {line}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}); BEGIN and END SOLUTION must enclose whole statements of one block");
        }
    }

    private static void CheckSameBlock(SyntaxTree before, SolutionRegion region)
    {
        var text = before.GetText();
        var root = before.GetRoot();
        var begin = InnermostBlock(root, text.Lines[region.BeginLine - 1].End);
        var end = InnermostBlock(root, text.Lines[region.EndLine - 1].Start);
        if (begin != end)
        {
            throw new MarkerException(region.File, region.BeginLine,
                $"BEGIN SOLUTION {region.Part} and its END SOLUTION (line {region.EndLine}) are in different blocks; a region must enclose whole statements of one block");
        }
    }

    private static SyntaxNode? InnermostBlock(SyntaxNode root, int position) =>
        root.DescendantNodes(n => n.FullSpan.Contains(position))
            .Where(n => n is BlockSyntax or BaseTypeDeclarationSyntax or SwitchSectionSyntax && n.Span.Start < position && position < n.Span.End)
            .LastOrDefault();

    private static void CheckPlacement(SyntaxNode? node, SolutionRegion region)
    {
        var inBody = node is ThrowStatementSyntax { Parent: BlockSyntax or SwitchSectionSyntax } statement
            && statement.Ancestors().Any(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
        if (!inBody)
        {
            var where = node?.Ancestors().Any(a => a is FieldDeclarationSyntax or PropertyDeclarationSyntax) == true
                ? "a field or property initialiser"
                : "an expression";
            throw new MarkerException(region.File, region.BeginLine,
                $"region {region.Part} sits inside {where}, where a throw statement cannot replace it; move the region into a method body (e.g. compute the value in a method or constructor)");
        }
    }

    // A local declared at the top level of a region and used later in the same block would leave the
    // kit with "name does not exist" errors once the region is stubbed.
    private static void CheckLocalsNotUsedAfter(SyntaxTree before, SolutionRegion region)
    {
        var text = before.GetText();
        var regionStart = text.Lines[region.BeginLine - 1].End;
        var regionEnd = text.Lines[region.EndLine - 1].Start;
        var root = before.GetRoot();
        var statements = root.DescendantNodes()
            .OfType<StatementSyntax>()
            .Where(s => s.Parent is BlockSyntax && s.SpanStart >= regionStart && s.Span.End <= regionEnd)
            .ToList();
        if (statements.Count == 0 || statements[0].Parent is not BlockSyntax block)
        {
            return;
        }

        var topLevel = statements.Where(s => s.Parent == block).ToList();
        var declared = topLevel.SelectMany(DeclaredNames).ToHashSet(StringComparer.Ordinal);
        var use = block.Statements
            .Where(s => s.SpanStart >= regionEnd)
            .SelectMany(s => s.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            .FirstOrDefault(id => declared.Contains(id.Identifier.ValueText));
        if (use is not null)
        {
            var line = use.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            throw new MarkerException(region.File, region.BeginLine,
                $"'{use.Identifier.ValueText}' is declared inside region {region.Part} but used after it (line {line}); declare it before BEGIN SOLUTION or move the use inside the region");
        }
    }

    private static IEnumerable<string> DeclaredNames(StatementSyntax statement)
    {
        if (statement is LocalDeclarationStatementSyntax local)
        {
            return local.Declaration.Variables.Select(v => v.Identifier.ValueText);
        }

        if (statement is LocalFunctionStatementSyntax function)
        {
            return [function.Identifier.ValueText];
        }

        // `out var x` and `is T x` in an expression statement are scoped to the enclosing block.
        return statement is ExpressionStatementSyntax
            ? statement.DescendantNodes().OfType<SingleVariableDesignationSyntax>()
                .Where(d => !d.Ancestors().TakeWhile(a => a != statement).Any(a => a is AnonymousFunctionExpressionSyntax))
                .Select(d => d.Identifier.ValueText)
            : [];
    }
}
