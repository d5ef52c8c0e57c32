namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>policy_violation</c>.</summary>
public sealed record PolicyViolated(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.PolicyViolation;
}
