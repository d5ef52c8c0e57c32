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
    /// <summary>Time the worker gets to compile a problem's answers, and then each answer for its runs.</summary>
    public int TimeLimitMs { get; init; } = 10000;

    public WrittenReport Grade(AnswerSheet sheet, ulong seed)
    {
        var results = bank.Problems.SelectMany(p => GradeProblem(p, sheet, seed).Values).ToDictionary(r => r.Id, StringComparer.Ordinal);
        return new WrittenReport(seed, bank.Questions.Select(q => results[q.Id]).ToList(), SheetMessages(sheet));
    }

    /// <summary>Messages about the file itself: YAML problems, and keys that are no question id.</summary>
    public IReadOnlyList<string> SheetMessages(AnswerSheet sheet)
    {
        var messages = new List<string>(sheet.Problems);
        foreach (var (id, answer, close) in UnknownKeys(sheet))
        {
            messages.Add($"line {answer.Line}: unknown question id '{id}'{(close is null ? "" : $": did you mean '{close}'?")}");
        }

        return messages;
    }

    /// <summary>Grades the questions of one problem (one evaluator batch): results by question id.</summary>
    public IReadOnlyDictionary<string, QuestionResult> GradeProblem(WrittenProblem problem, AnswerSheet sheet, ulong seed)
    {
        var results = new Dictionary<string, QuestionResult>(StringComparer.Ordinal);
        var needsBindings = problem.Questions.Any(q => q.Kind == QuestionKind.Expression && !sheet[q.Id].IsBlank);
        var bindings = needsBindings ? BindingGenerator.Generate(problem, seed) : [];
        var pending = new List<PendingQuestion>();
        foreach (var q in problem.Questions)
        {
            var answer = sheet[q.Id];
            if (q.Kind == QuestionKind.Manual)
            {
                var manual = q.Deduction ? $"checked by hand (the handout deducts up to {q.ManualPoints:0.##} point{(q.ManualPoints == 1 ? "" : "s")})" : $"graded by hand ({q.ManualPoints:0.##} points in the handout)";
                results[q.Id] = new QuestionResult(q.Id, q.Title, WrittenStatus.Manual, 0, 0, $"{q.Id}: {manual}", []);
                continue;
            }

            if (sheet.Unreadable.TryGetValue(q.Id, out var unreadable))
            {
                results[q.Id] = QuestionResult.Zero(q, WrittenStatus.SyntaxError, unreadable.ToString());
                continue;
            }

            if (answer.IsBlank)
            {
                results[q.Id] = QuestionResult.Zero(q, WrittenStatus.Unanswered, Unanswered(q, sheet));
                continue;
            }

            var (done, wait) = q.Kind switch
            {
                QuestionKind.Shape => (HostQuestions.Shape(q, answer), null),
                QuestionKind.Choice => (HostQuestions.Choice(q, answer), null),
                QuestionKind.Neuron => NeuronQuestions.Prepare(q, answer),
                _ => ExpressionQuestions.Prepare(problem, q, answer, bindings),
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

        if (pending.Count > 0)
        {
            Evaluate(problem, pending, results);
        }

        ProblemDeductions.Apply(problem, results);
        return results;
    }

    private void Evaluate(WrittenProblem problem, List<PendingQuestion> pending, Dictionary<string, QuestionResult> results)
    {
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

        // In bank order, so a question that carries an earlier answer forward sees that answer's result.
        foreach (var p in pending)
        {
            results[p.Question.Id] = p.Items.All(i => byId.ContainsKey(i.Id))
                ? p.Finish(byId, results)
                : QuestionResult.Zero(p.Question, WrittenStatus.Error, "the evaluator returned no result");
        }
    }

    // "no answer", plus what probably went wrong: a misspelt key meant for this question, or a broken file.
    private string Unanswered(WrittenQuestion q, AnswerSheet sheet)
    {
        var misspelt = UnknownKeys(sheet).FirstOrDefault(k => k.Close == q.Id);
        if (misspelt.Id is not null)
        {
            return $"no answer (line {misspelt.Answer.Line} has the key '{misspelt.Id}'; the id is '{q.Id}')";
        }

        return sheet.Problems.Count > 0 ? $"no answer ({sheet.Problems[0]})" : "no answer";
    }

    private IEnumerable<(string Id, StudentAnswer Answer, string? Close)> UnknownKeys(AnswerSheet sheet)
    {
        var known = bank.Questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        return sheet.Answers.Where(a => !known.Contains(a.Key)).Select(a => (a.Key, a.Value, NameSuggester.Suggest(a.Key, known)));
    }
}
