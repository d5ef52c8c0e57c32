namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>failed</c>.</summary>
public sealed record Failed(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.Failed;
}
