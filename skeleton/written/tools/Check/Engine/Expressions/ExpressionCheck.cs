using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Written.Expressions;

/// <summary>The outcome of validating an answer: its syntax tree when every node is allowed, else the first reason it is not.</summary>
public sealed record ExpressionCheck(string Text, ExpressionSyntax? Syntax, ExpressionError? Error)
{
    public bool Ok => Error is null && Syntax is not null;
}
