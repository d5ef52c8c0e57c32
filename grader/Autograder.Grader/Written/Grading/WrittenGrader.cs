using Autograder.Grader.Written.Answers;
using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Bindings;
using Autograder.Grader.Written.Expressions;
using Autograder.Grader.Written.Wire;

namespace Autograder.Grader.Written.Grading;

/// <summary>
/// Grades an <see cref="AnswerSheet"/> against the <see cref="QuestionBank"/>: per problem, draws the
/// bindings from the submission seed, validates every answer before anything runs, sends the
/// accepted expressions in one batch to the evaluator (the worker) and scores each question and case.
/// Shapes, choices and manual items are handled on the host.
/// </summary>
public sealed class WrittenGrader(QuestionBank bank, IWrittenEvaluator evaluator)
{
    /// <summary>Time each answer gets in the worker for compiling and running on all its bindings.</summary>
    public int TimeLimitMs { get; init; } = 10000;

    public WrittenReport Grade(AnswerSheet sheet, ulong seed)
    {
        var messages = new List<string>(sheet.Problems);
        var known = bank.Questions.Select(q => q.Id).ToList();
        foreach (var (id, answer) in sheet.Answers)
        {
            if (!known.Contains(id))
            {
                var close = NameSuggester.Suggest(id, known);
                messages.Add($"line {answer.Line}: unknown question id '{id}'{(close is null ? "" : $": did you mean '{close}'?")}");
            }
        }

        var results = new Dictionary<string, QuestionResult>(StringComparer.Ordinal);
        foreach (var problem in bank.Problems)
        {
            GradeProblem(problem, sheet, seed, results);
        }

        return new WrittenReport(seed, bank.Questions.Select(q => results[q.Id]).ToList(), messages);
    }

    private void GradeProblem(WrittenProblem problem, AnswerSheet sheet, ulong seed, Dictionary<string, QuestionResult> results)
    {
        var needsBindings = problem.Questions.Any(q => q.Kind == QuestionKind.Expression && !sheet[q.Id].IsBlank);
        var bindings = needsBindings ? BindingGenerator.Generate(problem, seed) : [];
        var pending = new List<PendingQuestion>();
        foreach (var q in problem.Questions)
        {
            var answer = sheet[q.Id];
            if (q.Kind == QuestionKind.Manual)
            {
                results[q.Id] = new QuestionResult(q.Id, q.Title, WrittenStatus.Manual, 0, 0, $"{q.Id}: graded by hand ({q.ManualPoints:0.##} points in the handout)", []);
                continue;
            }

            if (answer.IsBlank)
            {
                results[q.Id] = QuestionResult.Zero(q, WrittenStatus.Unanswered, "no answer");
                continue;
            }

            var (done, wait) = q.Kind switch
            {
                QuestionKind.Shape => (HostQuestions.Shape(q, answer), null),
                QuestionKind.Choice => (HostQuestions.Choice(q, answer), null),
                QuestionKind.Neuron => NeuronQuestions.Prepare(q, answer),
                _ => ExpressionQuestions.Prepare(q, answer, bindings),
            };
            if (done is not null)
            {
                results[q.Id] = done;
            }
            else
            {
                pending.Add(wait!);
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, WrittenItemResult> byId;
        try
        {
            var response = evaluator.Evaluate(new WrittenRequest(pending.SelectMany(p => p.Items).ToList(), TimeLimitMs));
            byId = response.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        }
        catch (WrittenEvaluatorException ex)
        {
            foreach (var p in pending)
            {
                results[p.Question.Id] = QuestionResult.Zero(p.Question, ex.TimedOut ? WrittenStatus.Timeout : WrittenStatus.Error, $"the answers of {problem.Problem} could not be evaluated: {ex.Message}");
            }

            return;
        }

        foreach (var p in pending)
        {
            results[p.Question.Id] = p.Items.All(i => byId.ContainsKey(i.Id))
                ? p.Finish(byId)
                : QuestionResult.Zero(p.Question, WrittenStatus.Error, "the evaluator returned no result");
        }
    }
}
