using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Autograder.Grader.Checks;
using Autograder.Grader.Execution;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;
using Autograder.Grader.Written.Answers;
using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Grading;
using Autograder.Grader.Written.Integration;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>written</c>: one written question of the bank (<c>name</c> is its id, <c>cases</c> its number
/// of scored cases). The submission's <c>answers.yaml</c> arrives as a rubric log; the first check of
/// a problem grades all of that problem's answers in one worker request, later checks read the
/// cached result. Each case passes or fails on its own (partial credit); an answer refused before
/// evaluation is a policy violation, one that does not compile a compile error, a missing one
/// "not implemented".
/// </summary>
internal sealed class WrittenCheck : ICheckKind
{
    private static readonly ConcurrentDictionary<string, QuestionBank> Banks = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, QuestionResult>>> Graded = new(StringComparer.Ordinal);

    public string Kind => "written";

    public void RunCase(CheckContext context, int caseIndex)
    {
        var environment = context.Environment;
        var bank = Banks.GetOrAdd(Path.GetFullPath(environment.CourseRoot), QuestionBank.LoadFromCourseRoot);
        var id = context.Spec.Name ?? throw new RubricError("a written check needs name: <question id>");
        var question = bank.Questions.FirstOrDefault(q => q.Id == id) ?? throw new RubricError($"'{id}' is not a question of {QuestionBank.Folder}");
        if (question.ScoredCases.Count != context.Spec.Cases)
        {
            throw new RubricError($"'{id}' has {question.ScoredCases.Count} scored cases but the rubric says cases: {context.Spec.Cases}");
        }

        var result = Grade(context, bank, bank.ProblemOf(question))[id];
        switch (result.Status)
        {
            case WrittenStatus.Unanswered:
                throw new WorkerFailure(CheckStatus.NotImplemented, result.Message);
            case WrittenStatus.Rejected:
                throw new WorkerFailure(CheckStatus.PolicyViolation, result.Message);
            case WrittenStatus.SyntaxError:
                throw new WorkerFailure(CheckStatus.SyntaxError, result.Message);
            case WrittenStatus.CompileError:
                throw new WorkerFailure(CheckStatus.CompileError, result.Message);
            case WrittenStatus.Timeout:
                throw new WorkerFailure(CheckStatus.Timeout, result.Message);
            case WrittenStatus.Error:
                throw new WorkerFailure(CheckStatus.Crashed, result.Message);
        }

        if (!result.Cases[caseIndex].Passed)
        {
            throw new CheckFailure(result.Message);
        }

        if (result.CarriedForward && result.Status == WrittenStatus.Passed)
        {
            // Earned with the student's own earlier answer in the key: worth saying, costs nothing.
            context.Warnings.Add(result.Message);
        }
    }

    private static IReadOnlyDictionary<string, QuestionResult> Grade(CheckContext context, QuestionBank bank, WrittenProblem problem)
    {
        var environment = context.Environment;
        var text = environment.Logs.GetValueOrDefault(AnswerSheet.FileName);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? "")));
        var key = $"{environment.CourseRoot}|{environment.Seed}|{hash}|{problem.Problem}";
        if (Graded.Count > 512)
        {
            Graded.Clear();
        }

        var lazy = Graded.GetOrAdd(key, _ => new Lazy<IReadOnlyDictionary<string, QuestionResult>>(() =>
        {
            var sheet = text is null ? AnswerSheet.Empty($"{AnswerSheet.FileName} was not in the submission") : AnswerSheet.Parse(text);
            return new WrittenGrader(bank, new WorkerWrittenEvaluator(context)).GradeProblem(problem, sheet, environment.Seed);
        }));
        return lazy.Value;
    }
}
