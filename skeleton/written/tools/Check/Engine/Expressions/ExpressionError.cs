namespace Autograder.Grader.Written.Expressions;

/// <summary>
/// Why an expression was refused or failed: the reason, the 1-based character position in the
/// answer (0 when it concerns the whole answer) and, when a close name exists, a suggestion.
/// Printed as <c>unknown name 'sigmoid' at 2: did you mean 'Sigmoid'?</c>.
/// </summary>
public sealed record ExpressionError(int Position, string Reason, string? Suggestion = null)
{
    /// <summary>The text does not parse as an expression (a typo), as opposed to a construct that is not allowed.</summary>
    public bool Syntax { get; init; }

    public override string ToString() =>
        (Position > 0 ? $"{Reason} at {Position}" : Reason) + (Suggestion is null ? "" : $": {Suggestion}");
}
