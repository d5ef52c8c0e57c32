namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>oom</c>.</summary>
public sealed record OutOfMemory(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.Oom;
}
