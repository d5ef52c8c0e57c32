namespace Autograder.Grader.Results;

/// <summary>
/// The bound on every text a submission can influence that ends up in a result or report (check messages,
/// exception messages, captured output): a few KB each, cut with a note, so one submission cannot make a
/// result file or a class report hundreds of megabytes.
/// </summary>
public static class TextLimit
{
    /// <summary>Longest text kept (characters).</summary>
    public const int MaxChars = 4096;

    /// <summary>The text, or its first <paramref name="max"/> characters and a note of how much was cut.</summary>
    public static string Cut(string text, int max = MaxChars) =>
        text.Length <= max ? text : $"{text[..max]} … [cut: {text.Length - max:N0} more characters]";
}
