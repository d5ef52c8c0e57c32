using Autograder.Grader.Written.Expressions;

namespace Autograder.Grader.Written.Answers;

/// <summary>
/// Reads a choice answer into option ids, as the grader and the kit's local check both do: a list of ids or option
/// texts, a comma-separated line, or one whole option text (which may hold commas); case does not matter.
/// </summary>
public static class ChoiceReading
{
    /// <summary>The chosen ids (empty: nothing chosen) or the reason the answer cannot be read.</summary>
    /// <param name="options">each option's id and text, as the kit lists them</param>
    /// <param name="single">exactly one option must be chosen</param>
    /// <param name="answer">what the student wrote</param>
    public static (IReadOnlySet<string>? Chosen, string? Error) Read(IReadOnlyList<(string Id, string Text)> options, bool single, StudentAnswer answer)
    {
        static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
        var whole = answer.Text is { } t && options.Any(o => Same(o.Text, t.Trim()) || Same(o.Id, t.Trim()));
        IReadOnlyList<string> written = answer.Items ?? (whole ? [answer.Text!] : (answer.Text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in written)
        {
            var text = raw.Trim();
            var option = options.FirstOrDefault(o => Same(o.Id, text) || Same(o.Text, text));
            if (option.Id is null)
            {
                var close = NameSuggester.Suggest(text, options.Select(o => o.Id));
                return (null, $"'{text}' on line {answer.Line} is not an option{(close is null ? "" : $" (did you mean '{close}'?)")}; the options are {string.Join(", ", options.Select(o => o.Id))}");
            }

            chosen.Add(option.Id);
        }

        return single && chosen.Count > 1 ? (null, $"choose exactly one option, found {chosen.Count}") : (chosen, null);
    }
}
