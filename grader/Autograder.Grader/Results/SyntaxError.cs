namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>syntax_error</c>: a written answer that does not parse (the message gives the question, line and column).</summary>
public sealed record SyntaxError(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.SyntaxError;
}
