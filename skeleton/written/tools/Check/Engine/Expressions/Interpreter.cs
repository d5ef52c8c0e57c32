using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Written.Expressions;

/// <summary>
/// Evaluates a validated expression on the host by walking its syntax tree: the question bank's
/// reference answers and binding generators. It covers exactly the node kinds
/// <see cref="ExpressionValidator"/> allows, with the worker's semantics: every number is a double
/// (<c>1/2</c> is 0.5), <c>*</c> of two matrices is the matrix product, and matrices scale by numbers.
/// </summary>
public static class Interpreter
{
    /// <summary>Evaluates <paramref name="syntax"/> with the variables in <paramref name="env"/>.</summary>
    public static ExprValue Evaluate(ExpressionSyntax syntax, IReadOnlyDictionary<string, ExprValue> env, FunctionContext context) => syntax switch
    {
        ParenthesizedExpressionSyntax p => Evaluate(p.Expression, env, context),
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.NumericLiteralExpression) => new ScalarValue(double.Parse(l.Token.Text, CultureInfo.InvariantCulture)),
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.TrueLiteralExpression) => new TruthValue(true),
        LiteralExpressionSyntax l when l.IsKind(SyntaxKind.FalseLiteralExpression) => new TruthValue(false),
        IdentifierNameSyntax id => env.TryGetValue(id.Identifier.ValueText, out var v) ? v : throw new EvaluationException($"no value for '{id.Identifier.ValueText}'"),
        InvocationExpressionSyntax call => Call(call, env, context),
        PrefixUnaryExpressionSyntax u => Unary(u, Evaluate(u.Operand, env, context)),
        ConditionalExpressionSyntax c => Condition(Evaluate(c.Condition, env, context), "?:") ? Evaluate(c.WhenTrue, env, context) : Evaluate(c.WhenFalse, env, context),
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalAndExpression) => new TruthValue(Condition(Evaluate(b.Left, env, context), "&&") && Condition(Evaluate(b.Right, env, context), "&&")),
        BinaryExpressionSyntax b when b.IsKind(SyntaxKind.LogicalOrExpression) => new TruthValue(Condition(Evaluate(b.Left, env, context), "||") || Condition(Evaluate(b.Right, env, context), "||")),
        BinaryExpressionSyntax b => Binary(b, Evaluate(b.Left, env, context), Evaluate(b.Right, env, context)),
        _ => throw new EvaluationException($"'{syntax}' cannot be evaluated"),
    };

    private static ExprValue Call(InvocationExpressionSyntax call, IReadOnlyDictionary<string, ExprValue> env, FunctionContext context)
    {
        var name = ((IdentifierNameSyntax)call.Expression).Identifier.ValueText;
        var function = FunctionTable.Find(name, allowHostOnly: true) ?? throw new EvaluationException($"unknown function '{name}'");
        var args = call.ArgumentList.Arguments.Select(a => Evaluate(a.Expression, env, context)).ToArray();
        return function.Apply(args, context);
    }

    private static bool Condition(ExprValue v, string op) =>
        v is TruthValue t ? t.Value : throw new EvaluationException($"'{op}' needs a condition such as a > 0, found a {v.Describe()}");

    private static ExprValue Unary(PrefixUnaryExpressionSyntax u, ExprValue operand) => (u.Kind(), operand) switch
    {
        (SyntaxKind.UnaryMinusExpression, ScalarValue s) => new ScalarValue(-s.Value),
        (SyntaxKind.UnaryMinusExpression, MatrixValue m) => new MatrixValue(-m.Value),
        (SyntaxKind.UnaryPlusExpression, ScalarValue or MatrixValue) => operand,
        (SyntaxKind.LogicalNotExpression, TruthValue t) => new TruthValue(!t.Value),
        _ => throw new EvaluationException($"'{u.OperatorToken.Text}' cannot be applied to a {operand.Describe()}"),
    };

    private static ExprValue Binary(BinaryExpressionSyntax b, ExprValue left, ExprValue right)
    {
        var op = b.OperatorToken.Text;
        switch (left, right)
        {
            case (ScalarValue l, ScalarValue r):
                return Scalars(b.Kind(), l.Value, r.Value) ?? throw Mismatch(op, left, right);
            case (TruthValue l, TruthValue r) when b.Kind() is SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression:
                return new TruthValue((l.Value == r.Value) == b.IsKind(SyntaxKind.EqualsExpression));
            case (MatrixValue l, MatrixValue r):
                return b.Kind() switch
                {
                    SyntaxKind.AddExpression => new MatrixValue(l.Value + r.Value),
                    SyntaxKind.SubtractExpression => new MatrixValue(l.Value - r.Value),
                    SyntaxKind.MultiplyExpression => new MatrixValue(l.Value * r.Value),
                    _ => throw Mismatch(op, left, right),
                };
            case (ScalarValue s, MatrixValue m) when b.IsKind(SyntaxKind.MultiplyExpression):
                return new MatrixValue(s.Value * m.Value);
            case (MatrixValue m, ScalarValue s) when b.IsKind(SyntaxKind.MultiplyExpression):
                return new MatrixValue(m.Value * s.Value);
            case (MatrixValue m, ScalarValue s) when b.IsKind(SyntaxKind.DivideExpression):
                return new MatrixValue(m.Value / s.Value);
            default:
                throw Mismatch(op, left, right);
        }
    }

    private static ExprValue? Scalars(SyntaxKind kind, double l, double r) => kind switch
    {
        SyntaxKind.AddExpression => new ScalarValue(l + r),
        SyntaxKind.SubtractExpression => new ScalarValue(l - r),
        SyntaxKind.MultiplyExpression => new ScalarValue(l * r),
        SyntaxKind.DivideExpression => new ScalarValue(l / r),
        SyntaxKind.LessThanExpression => new TruthValue(l < r),
        SyntaxKind.LessThanOrEqualExpression => new TruthValue(l <= r),
        SyntaxKind.GreaterThanExpression => new TruthValue(l > r),
        SyntaxKind.GreaterThanOrEqualExpression => new TruthValue(l >= r),
        SyntaxKind.EqualsExpression => new TruthValue(l == r),
        SyntaxKind.NotEqualsExpression => new TruthValue(l != r),
        _ => null,
    };

    private static EvaluationException Mismatch(string op, ExprValue left, ExprValue right) =>
        new($"operator '{op}' cannot be applied to a {left.Describe()} and a {right.Describe()}");
}
