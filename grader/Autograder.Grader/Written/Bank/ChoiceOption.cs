namespace Autograder.Grader.Written.Bank;

/// <summary>One option of a choice question: the id students write and the handout's text.</summary>
public sealed record ChoiceOption
{
    public string Id { get; init; } = "";

    public string Text { get; init; } = "";
}
