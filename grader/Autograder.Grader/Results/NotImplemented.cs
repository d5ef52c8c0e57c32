namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>not_implemented</c>.</summary>
public sealed record NotImplemented(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.NotImplemented;
}
