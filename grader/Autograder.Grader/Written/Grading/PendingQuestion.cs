using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Wire;

namespace Autograder.Grader.Written.Grading;

/// <summary>
/// A question waiting for the evaluator: the items it sent and how to grade their results, given every item result
/// of the problem's batch and the results of the questions graded before it (error carried forward reads both).
/// </summary>
internal sealed record PendingQuestion(
    WrittenQuestion Question,
    IReadOnlyList<WrittenItem> Items,
    Func<IReadOnlyDictionary<string, WrittenItemResult>, IReadOnlyDictionary<string, QuestionResult>, QuestionResult> Finish);
