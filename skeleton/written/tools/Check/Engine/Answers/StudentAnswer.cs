namespace Autograder.Grader.Written.Answers;

/// <summary>
/// One value of <c>answers.yaml</c> as the student wrote it, with its 1-based line: a scalar
/// (<see cref="Text"/>), a list (<see cref="Items"/>, e.g. option ids or a weight vector) or a
/// mapping (<see cref="Fields"/>, e.g. a neuron's <c>w</c> and <c>b</c>).
/// </summary>
public sealed record StudentAnswer(int Line, string? Text, IReadOnlyList<string>? Items = null, IReadOnlyDictionary<string, StudentAnswer>? Fields = null)
{
    /// <summary>Nothing written: a missing key, an empty string or a YAML null.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && Items is null && Fields is null;

    public static StudentAnswer Missing { get; } = new(0, null);
}
