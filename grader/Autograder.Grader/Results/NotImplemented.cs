namespace Autograder.Grader.Results;

/// <summary>Check outcome <c>not_implemented</c>.</summary>
public sealed record NotImplemented(string Text) : CheckOutcome(Text)
{
    public override CheckStatus Status => CheckStatus.NotImplemented;

    /// <summary>The part whose kit stub was reached (<c>linear.backward</c>), when a stub was; blame reads this, never the text.</summary>
    public string? Part { get; init; }
}
