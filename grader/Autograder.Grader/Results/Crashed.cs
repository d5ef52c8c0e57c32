namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>crashed</c>.</summary>
public sealed record Crashed(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.Crashed;
}
