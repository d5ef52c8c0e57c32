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
        var (chosen, error) = ChoiceReading.Read([.. q.Options.Select(o => (o.Id, o.Text))], q.Single, answer);
        if (error is not null)
        {
            return QuestionResult.Zero(q, WrittenStatus.SyntaxError, error);
        }

        if (chosen!.Count == 0)
        {
            return QuestionResult.Zero(q, WrittenStatus.Unanswered, "no option chosen");
        }

        return chosen.SetEquals(q.Answer)
            ? QuestionResult.Full(q, "correct")
            : QuestionResult.Zero(q, WrittenStatus.Failed, q.Single ? $"'{chosen.Single()}' is not the right option" : $"the set {{{string.Join(", ", chosen.Order(StringComparer.Ordinal))}}} is not the right selection");
    }
}
