using Autograder.Grader.Written.Answers;
using Autograder.Grader.Written.Bank;

namespace Autograder.Grader.Written.Grading;

/// <summary>Questions the host grades without evaluating anything: shapes and choice sets.</summary>
internal static class HostQuestions
{
    public static QuestionResult Shape(WrittenQuestion q, StudentAnswer answer)
    {
        if (ShapeAnswer.TryParse(answer.Text) is not { } got)
        {
            return QuestionResult.Zero(q, WrittenStatus.SyntaxError, $"'{answer.Text ?? "(a list)"}' on line {answer.Line} is not a shape; write height x width, e.g. 5x4");
        }

        return got == ShapeAnswer.TryParse(q.Reference)
            ? QuestionResult.Full(q, "correct")
            : QuestionResult.Zero(q, WrittenStatus.Failed, $"{got.Height}x{got.Width} is not the expected size (height x width)");
    }

    public static QuestionResult Choice(WrittenQuestion q, StudentAnswer answer)
    {
        var whole = answer.Text is { } t && q.Options.Any(o => string.Equals(o.Text, t.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(o.Id, t.Trim(), StringComparison.OrdinalIgnoreCase));
        IReadOnlyList<string> written = answer.Items ?? (whole ? [answer.Text!] : (answer.Text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in written)
        {
            var text = raw.Trim();
            var option = q.Options.FirstOrDefault(o => string.Equals(o.Id, text, StringComparison.OrdinalIgnoreCase) || string.Equals(o.Text, text, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                var ids = string.Join(", ", q.Options.Select(o => o.Id));
                var close = Expressions.NameSuggester.Suggest(text, q.Options.Select(o => o.Id));
                return QuestionResult.Zero(q, WrittenStatus.SyntaxError, $"'{text}' on line {answer.Line} is not an option{(close is null ? "" : $" (did you mean '{close}'?)")}; the options are {ids}");
            }

            chosen.Add(option.Id);
        }

        if (chosen.Count == 0)
        {
            return QuestionResult.Zero(q, WrittenStatus.Unanswered, "no option chosen");
        }

        if (q.Single && chosen.Count != 1)
        {
            return QuestionResult.Zero(q, WrittenStatus.SyntaxError, $"choose exactly one option, found {chosen.Count}");
        }

        return chosen.SetEquals(q.Answer)
            ? QuestionResult.Full(q, "correct")
            : QuestionResult.Zero(q, WrittenStatus.Failed, q.Single ? $"'{chosen.Single()}' is not the right option" : $"the set {{{string.Join(", ", chosen.Order(StringComparer.Ordinal))}}} is not the right selection");
    }
}
