namespace Autograder.Grader.Written.Bank;

/// <summary>
/// A separately scored case of an expression question (e.g. HW3 1.1's four cases, 2 points each):
/// the answer earns <see cref="Points"/> when it matches the reference on every binding where
/// <see cref="When"/> holds.
/// </summary>
public sealed record QuestionCase
{
    public string Name { get; init; } = "";

    /// <summary>A condition over the problem's binding variables, e.g. <c>yhat != y &amp;&amp; c == yhat</c>.</summary>
    public string When { get; init; } = "";

    public double Points { get; init; }
}
