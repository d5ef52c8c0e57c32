using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Written.Expressions;

/// <summary>
/// Decides, before anything is evaluated, whether an answer is an expression the grader accepts.
/// The text is parsed with <see cref="SyntaxFactory.ParseExpression"/> and every node is checked
/// against an allow-list: number and true/false literals, the question's variables, calls of the
/// answer functions by name, arithmetic, comparison, logical and conditional operators and
/// parentheses. Everything else (member access, <c>new</c>, lambdas, assignments, <c>typeof</c>,
/// strings, casts, generics, indexing, statements, comments, directives) is refused with the
/// position and the reason. Length and nesting are bounded so compiling stays cheap.
/// </summary>
public static partial class ExpressionValidator
{
    public const int MaxLength = 400;
    public const int MaxDepth = 40;
    public const int MaxNodes = 300;

    private static readonly HashSet<SyntaxKind> BinaryKinds =
    [
        SyntaxKind.AddExpression, SyntaxKind.SubtractExpression, SyntaxKind.MultiplyExpression, SyntaxKind.DivideExpression,
        SyntaxKind.LessThanExpression, SyntaxKind.LessThanOrEqualExpression, SyntaxKind.GreaterThanExpression,
        SyntaxKind.GreaterThanOrEqualExpression, SyntaxKind.EqualsExpression, SyntaxKind.NotEqualsExpression,
        SyntaxKind.LogicalAndExpression, SyntaxKind.LogicalOrExpression,
    ];

    private static readonly HashSet<string> StatementWords = ["while", "for", "foreach", "do", "if", "return", "var", "goto", "throw", "try", "using", "switch", "lock", "unsafe", "fixed", "class"];

    /// <summary>Validates <paramref name="text"/> as an answer over <paramref name="variables"/>.</summary>
    /// <param name="text">the answer as the student wrote it</param>
    /// <param name="variables">names the question lets the answer use</param>
    /// <param name="allowHostOnly">true for the question bank's own expressions (random draws allowed)</param>
    public static ExpressionCheck Validate(string text, IReadOnlyCollection<string> variables, bool allowHostOnly = false)
    {
        if (Precheck(text) is { } early)
        {
            return new ExpressionCheck(text, null, early);
        }

        var syntax = SyntaxFactory.ParseExpression(text);
        var parseError = syntax.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (parseError is not null)
        {
            return new ExpressionCheck(text, null, new ExpressionError(parseError.Location.SourceSpan.Start + 1, $"syntax error: {parseError.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}") { Syntax = true });
        }

        var walker = new Walker(variables, allowHostOnly);
        var error = walker.Visit(syntax, 1) ?? TriviaError(syntax);
        if (error is null && walker.Nodes > MaxNodes)
        {
            error = new ExpressionError(0, $"the expression has {walker.Nodes} parts; at most {MaxNodes} are accepted");
        }

        return new ExpressionCheck(text, error is null ? syntax : null, error);
    }

    private static ExpressionError? Precheck(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ExpressionError(0, "the answer is empty") { Syntax = true };
        }

        if (text.Length > MaxLength)
        {
            return new ExpressionError(0, $"the answer is {text.Length} characters long; at most {MaxLength} are accepted");
        }

        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is < ' ' or > '~')
            {
                return new ExpressionError(i + 1, $"character U+{(int)ch:X4} is not allowed (write the answer on one line in plain ASCII)");
            }

            if (ch is ';' or '{' or '}')
            {
                var word = StatementWord().Match(text);
                var what = word.Success && StatementWords.Contains(word.Groups[1].Value) ? $" ('{word.Groups[1].Value}')" : "";
                return new ExpressionError(i + 1, $"statements are not allowed{what}; write a single expression");
            }

            if (ch is '#' or '\\' or '$' or '@' or '"' or '\'' or '`')
            {
                return new ExpressionError(i + 1, ch is '"' or '\'' ? "strings are not allowed" : $"'{ch}' is not allowed in an answer");
            }
        }

        var first = StatementWord().Match(text);
        if (first.Success && first.Index == 0 && StatementWords.Contains(first.Groups[1].Value))
        {
            return new ExpressionError(1, $"statements are not allowed ('{first.Groups[1].Value}'); write a single expression");
        }

        return null;
    }

    // Only spaces may separate tokens: no comments, no directives, no line breaks.
    private static ExpressionError? TriviaError(ExpressionSyntax syntax)
    {
        foreach (var trivia in syntax.DescendantTrivia(descendIntoTrivia: true))
        {
            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return new ExpressionError(trivia.SpanStart + 1, trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
                    ? "comments are not allowed"
                    : $"'{trivia}' is not allowed");
            }
        }

        return null;
    }

    [GeneratedRegex(@"([A-Za-z_]+)")]
    private static partial Regex StatementWord();

    private sealed class Walker(IReadOnlyCollection<string> variables, bool allowHostOnly)
    {
        private static readonly Regex NumberText = new(@"^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$", RegexOptions.CultureInvariant);

        public int Nodes { get; private set; }

        private IEnumerable<string> Names => variables.Concat((allowHostOnly ? FunctionTable.All : FunctionTable.StudentFunctions).Select(f => f.Name));

        public ExpressionError? Visit(ExpressionSyntax node, int depth)
        {
            Nodes++;
            if (depth > MaxDepth)
            {
                return At(node, $"the expression is nested more than {MaxDepth} levels deep");
            }

            switch (node)
            {
                case ParenthesizedExpressionSyntax p:
                    return Visit(p.Expression, depth + 1);
                case LiteralExpressionSyntax literal:
                    return Literal(literal);
                case IdentifierNameSyntax id:
                    return Identifier(id);
                case InvocationExpressionSyntax call:
                    return Invocation(call, depth);
                case BinaryExpressionSyntax binary when BinaryKinds.Contains(binary.Kind()):
                    return Visit(binary.Left, depth + 1) ?? Visit(binary.Right, depth + 1);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.ExclusiveOrExpression):
                    return At(binary.OperatorToken, "'^' is not a power in C#", $"write Pow({binary.Left}, {binary.Right}) or {binary.Left}*{binary.Left}");
                case BinaryExpressionSyntax binary:
                    return At(binary.OperatorToken, $"operator '{binary.OperatorToken.Text}' is not allowed");
                case PrefixUnaryExpressionSyntax unary when unary.Kind() is SyntaxKind.UnaryMinusExpression or SyntaxKind.UnaryPlusExpression or SyntaxKind.LogicalNotExpression:
                    return Visit(unary.Operand, depth + 1);
                case PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax or AssignmentExpressionSyntax:
                    return At(node, node is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.BitwiseNotExpression } ? "operator '~' is not allowed" : "assignments are not allowed");
                case ConditionalExpressionSyntax c:
                    return Visit(c.Condition, depth + 1) ?? Visit(c.WhenTrue, depth + 1) ?? Visit(c.WhenFalse, depth + 1);
                case MemberAccessExpressionSyntax member:
                    return MemberAccess(member);
                default:
                    return At(node, Refusal(node));
            }
        }

        private static string Refusal(ExpressionSyntax node) => node switch
        {
            BaseObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or StackAllocArrayCreationExpressionSyntax or CollectionExpressionSyntax
                => "creating objects ('new') is not allowed",
            AnonymousFunctionExpressionSyntax => "lambdas and anonymous methods are not allowed",
            TypeOfExpressionSyntax => "'typeof' is not allowed",
            SizeOfExpressionSyntax => "'sizeof' is not allowed",
            DefaultExpressionSyntax => "'default' is not allowed",
            CastExpressionSyntax => "casts are not allowed",
            GenericNameSyntax => "generic names are not allowed",
            ElementAccessExpressionSyntax or ImplicitElementAccessSyntax => "indexing ('[...]') is not allowed; use the scalar variables the question names",
            InterpolatedStringExpressionSyntax => "strings are not allowed",
            QueryExpressionSyntax => "queries are not allowed",
            ThrowExpressionSyntax => "'throw' is not allowed",
            AwaitExpressionSyntax => "'await' is not allowed",
            CheckedExpressionSyntax => "'checked'/'unchecked' are not allowed",
            TupleExpressionSyntax => "tuples are not allowed",
            IsPatternExpressionSyntax or SwitchExpressionSyntax => "patterns and switch expressions are not allowed; use the ?: operator",
            RefExpressionSyntax or MakeRefExpressionSyntax or RefTypeExpressionSyntax or RefValueExpressionSyntax => "'ref' is not allowed",
            PredefinedTypeSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax or TypeSyntax => "type names are not allowed",
            _ => $"'{node}' ({node.Kind()}) is not allowed in an answer",
        };

        private ExpressionError? Literal(LiteralExpressionSyntax literal)
        {
            if (literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression))
            {
                return null;
            }

            if (literal.IsKind(SyntaxKind.NumericLiteralExpression))
            {
                return NumberText.IsMatch(literal.Token.Text) ? null : At(literal, $"number '{literal.Token.Text}' is not allowed; write plain decimal numbers such as 2, 0.5 or 1e-3");
            }

            return At(literal, literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.CharacterLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression)
                ? "strings are not allowed"
                : $"'{literal}' is not allowed");
        }

        private ExpressionError? Identifier(IdentifierNameSyntax id)
        {
            var name = id.Identifier.ValueText;
            if (variables.Contains(name))
            {
                return null;
            }

            if (FunctionTable.Find(name, allowHostOnly) is { } f)
            {
                return At(id, $"'{name}' is a function", $"call it, e.g. {f.Signature}");
            }

            return Unknown(id, name);
        }

        private ExpressionError? Invocation(InvocationExpressionSyntax call, int depth)
        {
            if (call.Expression is not IdentifierNameSyntax target)
            {
                return call.Expression is MemberAccessExpressionSyntax m
                    ? MemberAccess(m)
                    : Visit(call.Expression, depth + 1) ?? At(call.Expression, "only the answer functions can be called, by name");
            }

            var name = target.Identifier.ValueText;
            var function = FunctionTable.Find(name, allowHostOnly);
            if (function is null)
            {
                return variables.Contains(name) ? At(target, $"'{name}' is a variable, not a function") : Unknown(target, name);
            }

            var args = call.ArgumentList.Arguments;
            if (args.Count < function.MinArgs || args.Count > function.MaxArgs)
            {
                var expected = function.MinArgs == function.MaxArgs ? $"{function.MinArgs}" : $"{function.MinArgs} to {function.MaxArgs}";
                return At(call, $"{name} takes {expected} argument{(function.MaxArgs == 1 ? "" : "s")}, found {args.Count}", $"write {function.Signature}");
            }

            foreach (var arg in args)
            {
                if (arg.NameColon is not null || !arg.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    return At(arg, "named and ref/out arguments are not allowed");
                }

                if (Visit(arg.Expression, depth + 1) is { } error)
                {
                    return error;
                }
            }

            return null;
        }

        private ExpressionError MemberAccess(MemberAccessExpressionSyntax member)
        {
            var name = member.Name.Identifier.ValueText;
            var hint = FunctionTable.Find(name, allowHostOnly) is { } f
                ? $"write {f.Signature} without '{member.Expression}.'"
                : NameSuggester.Suggest(name, Names) is { } s ? $"did you mean '{s}'?" : null;
            return At(member, $"member access '{Shorten(member.ToString())}' is not allowed", hint);
        }

        private ExpressionError Unknown(SyntaxNode node, string name)
        {
            var suggestion = NameSuggester.Suggest(name, Names);
            return At(node, $"unknown name '{name}'", suggestion is null ? $"the names allowed here are {string.Join(", ", variables.Order(StringComparer.Ordinal))}" : $"did you mean '{suggestion}'?");
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

        private static ExpressionError At(SyntaxNode node, string reason, string? suggestion = null) => new(node.SpanStart + 1, reason, suggestion);

        private static ExpressionError At(SyntaxToken token, string reason, string? suggestion = null) => new(token.SpanStart + 1, reason, suggestion);
    }
}
