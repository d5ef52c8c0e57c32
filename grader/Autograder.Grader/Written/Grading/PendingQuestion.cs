using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Wire;

namespace Autograder.Grader.Written.Grading;

/// <summary>A question waiting for the evaluator: the items it sent and how to grade their results.</summary>
internal sealed record PendingQuestion(
    WrittenQuestion Question,
    IReadOnlyList<WrittenItem> Items,
    Func<IReadOnlyDictionary<string, WrittenItemResult>, QuestionResult> Finish);
