using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Policy;

/// <summary>
/// Stage 3: a semantic-model walk over the student's files only. Every name the student writes is
/// bound and checked against <see cref="ApiAllowList"/>; unsafe code, pointers, <c>extern</c>,
/// <c>dynamic</c>, finalizers and <c>[ModuleInitializer]</c> are rejected by syntax, and so are partial
/// declarations and extension methods that would change a type of the provided library. This is a lint
/// that gives students early, clear messages; containment rests on the sandbox (docs/security.md).
/// </summary>
public static class PolicyChecker
{
    public static IReadOnlyList<PolicyViolation> Check(Microsoft.CodeAnalysis.Compilation compilation, IEnumerable<SyntaxTree> studentTrees, PolicyOptions options)
    {
        var violations = new List<PolicyViolation>();
        var trees = studentTrees.ToHashSet();
        foreach (var tree in trees)
        {
            var walker = new Walker(compilation.GetSemanticModel(tree), compilation.Assembly, options, violations, trees);
            walker.Visit(tree.GetRoot());
        }

        return violations
            .GroupBy(v => (v.File, v.Line, v.Column, v.Rule))
            .Select(g => g.First())
            .OrderBy(v => v.File, StringComparer.Ordinal).ThenBy(v => v.Line).ThenBy(v => v.Column)
            .ToList();
    }

    private sealed class Walker(SemanticModel model, IAssemblySymbol own, PolicyOptions options, List<PolicyViolation> violations, IReadOnlySet<SyntaxTree> studentTrees)
        : CSharpSyntaxWalker(SyntaxWalkerDepth.Node)
    {
        public override void VisitIdentifierName(IdentifierNameSyntax node)
        {
            CheckSymbol(node, node.Identifier.ValueText);
            base.VisitIdentifierName(node);
        }

        public override void VisitGenericName(GenericNameSyntax node)
        {
            CheckSymbol(node, node.Identifier.ValueText);
            base.VisitGenericName(node);
        }

        public override void VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
        {
            CheckSymbol(node, null);
            base.VisitImplicitObjectCreationExpression(node);
        }

        public override void VisitAttribute(AttributeSyntax node)
        {
            if (model.GetTypeInfo(node).Type?.ToDisplayString() == "System.Runtime.CompilerServices.ModuleInitializerAttribute"
                || node.Name.ToString() is "ModuleInitializer" or "ModuleInitializerAttribute")
            {
                Add(node, "module-initializer", "[ModuleInitializer] is not allowed in submissions (no code may run on load)");
                return;
            }

            base.VisitAttribute(node);
        }

        public override void VisitDestructorDeclaration(DestructorDeclarationSyntax node)
        {
            // A finalizer runs on the runtime's finalizer thread whenever the GC decides, outside every call.
            Add(node, "finalizer", "finalizers (~Type()) are not allowed in submissions (no code may run outside a call)");
            base.VisitDestructorDeclaration(node);
        }

        public override void VisitUnsafeStatement(UnsafeStatementSyntax node)
        {
            Add(node, "unsafe", "unsafe code is not allowed in submissions");
            base.VisitUnsafeStatement(node);
        }

        public override void VisitPointerType(PointerTypeSyntax node)
        {
            Add(node, "unsafe", "pointers are not allowed in submissions");
            base.VisitPointerType(node);
        }

        public override void VisitFunctionPointerType(FunctionPointerTypeSyntax node)
        {
            Add(node, "unsafe", "function pointers are not allowed in submissions");
            base.VisitFunctionPointerType(node);
        }

        public override void VisitFixedStatement(FixedStatementSyntax node)
        {
            Add(node, "unsafe", "fixed statements are not allowed in submissions");
            base.VisitFixedStatement(node);
        }

        public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
        {
            if (model.GetTypeInfo(node).ConvertedType is IPointerTypeSymbol)
            {
                Add(node, "unsafe", "stackalloc into a pointer is not allowed in submissions (use Span<T>)");
            }

            base.VisitStackAllocArrayCreationExpression(node);
        }

        public override void VisitExternAliasDirective(ExternAliasDirectiveSyntax node)
        {
            Add(node, "extern", "extern aliases are not allowed in submissions");
            base.VisitExternAliasDirective(node);
        }

        public override void VisitMakeRefExpression(MakeRefExpressionSyntax node)
        {
            Add(node, "unsafe", "__makeref is not allowed in submissions");
            base.VisitMakeRefExpression(node);
        }

        public override void Visit(SyntaxNode? node)
        {
            if (node is MemberDeclarationSyntax member)
            {
                foreach (var modifier in member.Modifiers)
                {
                    if (modifier.IsKind(SyntaxKind.UnsafeKeyword))
                    {
                        Add(member, "unsafe", "unsafe code is not allowed in submissions");
                    }
                    else if (modifier.IsKind(SyntaxKind.ExternKeyword))
                    {
                        Add(member, "extern", "extern members are not allowed in submissions");
                    }
                }
            }
            if (node is TypeDeclarationSyntax type && type.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword))
                && model.GetDeclaredSymbol(type) is { } declared && ProvidedElsewhere(declared))
            {
                Add(type, "library-integrity", $"a partial declaration of {declared.ToDisplayString()} would change a type of the provided library; put your code in your own class");
            }

            if (node is MethodDeclarationSyntax { ParameterList.Parameters: [var first, ..] } method && first.Modifiers.Any(m => m.IsKind(SyntaxKind.ThisKeyword))
                && model.GetDeclaredSymbol(method) is { Parameters: [var self, ..] } && self.Type is INamedTypeSymbol extended
                && SymbolEqualityComparer.Default.Equals(extended.ContainingAssembly, own) && ProvidedElsewhere(extended))
            {
                Add(method, "library-integrity", $"an extension method on {extended.ToDisplayString()} would change how the provided library's type behaves; write a plain static helper method instead");
            }

            if (node is LocalFunctionStatementSyntax local && local.Modifiers.Any(m => m.IsKind(SyntaxKind.ExternKeyword) || m.IsKind(SyntaxKind.UnsafeKeyword)))
            {
                Add(local, "extern", "extern or unsafe local functions are not allowed in submissions");
            }

            base.Visit(node);
        }

        private void CheckSymbol(SyntaxNode node, string? member)
        {
            var info = model.GetSymbolInfo(node);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol is null)
            {
                if (model.GetTypeInfo(node).Type is { TypeKind: TypeKind.Dynamic })
                {
                    Add(node, "dynamic", "dynamic is not allowed in submissions");
                }

                return;
            }

            var type = symbol switch
            {
                IDynamicTypeSymbol => null,
                INamedTypeSymbol named => named,
                IMethodSymbol { MethodKind: MethodKind.Constructor } ctor => ctor.ContainingType,
                IMethodSymbol method => (method.ReducedFrom ?? method).ContainingType,
                IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType,
                _ => null,
            };
            if (symbol is IDynamicTypeSymbol || (symbol is ILocalSymbol { Type.TypeKind: TypeKind.Dynamic }))
            {
                Add(node, "dynamic", "dynamic is not allowed in submissions");
                return;
            }

            if (type is null)
            {
                return;
            }

            // In `Console.WriteLine` the type name is judged through its member, so allowed members of a denied type pass.
            var expression = node.Parent is MemberAccessExpressionSyntax qualified && qualified.Name == node ? qualified : node;
            if (symbol is INamedTypeSymbol && expression.Parent is MemberAccessExpressionSyntax access && access.Expression == expression)
            {
                return;
            }

            if (ApiAllowList.Check(type, own, symbol is INamedTypeSymbol ? null : symbol.Name, options) is { } denied)
            {
                var what = symbol is INamedTypeSymbol ? type.ToDisplayString() : $"{type.ToDisplayString()}.{symbol.Name}";
                Add(node, denied.Rule, $"{what} is not allowed in submissions ({denied.Reason})");
            }
        }

        /// <summary>True when the type has a declaration outside the student's files (the provided library's own code).</summary>
        private bool ProvidedElsewhere(ISymbol type) =>
            type.DeclaringSyntaxReferences.Any(r => !studentTrees.Contains(r.SyntaxTree));

        private void Add(SyntaxNode node, string rule, string message)
        {
            var span = node.GetLocation().GetLineSpan();
            violations.Add(new PolicyViolation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, rule, message));
        }
    }
}
