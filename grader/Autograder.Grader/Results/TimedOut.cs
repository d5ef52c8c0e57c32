namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>timeout</c>.</summary>
public sealed record TimedOut(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.Timeout;
}
