namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>passed</c>.</summary>
public sealed record Passed(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.Passed;
}
