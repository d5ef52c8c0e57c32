namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>compile_error</c>.</summary>
public sealed record CompileError(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.CompileError;
}
