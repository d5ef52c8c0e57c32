using Autograder.Grader.Written.Bindings;
using Autograder.Grader.Written.Expressions;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Written.Bank;

/// <summary>
/// The load-time checks of the handouts' grading rules in a problem file: error carried forward
/// (<see cref="WrittenQuestion.CarriesFrom"/>) and deductions for named mistakes (<see cref="WrittenDeduction"/>).
/// </summary>
internal static class BankChecks
{
    /// <summary>Seed of the bindings on which each carried binding is compared with its question's reference.</summary>
    private const ulong CheckSeed = 1;

    /// <summary>
    /// The names a question's reference and alternatives may use: its variables, plus for each earlier question it
    /// carries from, the binding standing for that answer and the earlier question's own variables.
    /// </summary>
    public static IReadOnlyCollection<string> KeyNames(WrittenProblem problem, WrittenQuestion q, HashSet<string> defined, Action<string> fail)
    {
        var names = new HashSet<string>(q.Variables, StringComparer.Ordinal);
        if (q.CarriesFrom.Count > 0 && q.Kind != QuestionKind.Expression)
        {
            fail("carries_from is for expression questions");
        }

        var before = problem.Questions.TakeWhile(other => other != q).ToDictionary(other => other.Id, StringComparer.Ordinal);
        foreach (var (id, name) in q.CarriesFrom)
        {
            if (!before.TryGetValue(id, out var earlier) || earlier.Kind != QuestionKind.Expression)
            {
                fail($"carries_from: '{id}' is not an expression question before it in {problem.Problem}");
            }
            else if (!defined.Contains(name) || q.Variables.Contains(name))
            {
                fail($"carries_from: '{name}' (for {id}) must be a binding of the problem that is not one of the question's variables (students may not name it)");
            }
            else
            {
                names.Add(name);
                names.UnionWith(earlier!.Variables);
            }
        }

        if (q.CarriesFrom.Values.Distinct(StringComparer.Ordinal).Count() != q.CarriesFrom.Count)
        {
            fail("carries_from: each earlier answer needs its own binding");
        }

        return names;
    }

    /// <summary>Each binding named in a carries_from equals the reference of the question it stands for, on a set of bindings.</summary>
    public static void CheckCarriedBindings(WrittenProblem problem)
    {
        var carried = problem.Questions.SelectMany(q => q.CarriesFrom).Distinct().ToList();
        if (carried.Count == 0)
        {
            return;
        }

        var bindings = BindingGenerator.Generate(problem, CheckSeed);
        foreach (var (id, name) in carried)
        {
            var earlier = problem.Questions.First(q => q.Id == id);
            var reference = SyntaxFactory.ParseExpression(earlier.Reference);
            foreach (var binding in bindings)
            {
                var expected = Interpreter.Evaluate(reference, binding, FunctionContext.None);
                if (!SameValue(expected, binding[name]))
                {
                    throw new QuestionBankException($"{problem.SourceFile}: binding '{name}' stands for the answer to {id} (carries_from) but differs from its reference at {string.Join(", ", earlier.Variables.Select(v => $"{v}={binding[v]}"))}: {binding[name]} vs {expected}");
                }
            }
        }
    }

    public static void CheckDeductions(WrittenProblem problem, HashSet<string> defined, HashSet<string> seen)
    {
        var questions = problem.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        foreach (var d in problem.Deductions)
        {
            void Fail(string message) => throw new QuestionBankException($"{problem.SourceFile}: deduction '{d.Id}': {message}");

            if (!d.Id.StartsWith(problem.Problem + ".", StringComparison.Ordinal) || !seen.Add(d.Id))
            {
                Fail($"the id must start with '{problem.Problem}.' and differ from every question and deduction id");
            }

            if (d.Points <= 0 || string.IsNullOrWhiteSpace(d.Rule) || d.Keys.Count == 0 || d.Keys.Values.Any(k => k.Count == 0))
            {
                Fail("needs positive points, the handout's rule and at least one key");
            }

            foreach (var id in d.From)
            {
                if (!questions.TryGetValue(id, out var q) || q.Kind is not (QuestionKind.Expression or QuestionKind.Number))
                {
                    Fail($"from: '{id}' is not an expression or number question of {problem.Problem}");
                }
            }

            foreach (var (id, key) in d.Keys.SelectMany(kv => kv.Value.Select(key => (kv.Key, key))))
            {
                if (!d.From.Contains(id) || questions[id].Kind != QuestionKind.Expression)
                {
                    Fail($"keys: '{id}' must be an expression question listed in from");
                }

                var check = ExpressionValidator.Validate(key, defined);
                if (!check.Ok)
                {
                    Fail($"keys: {id}: '{key}': {check.Error}");
                }
            }

            if (d.From.Sum(id => questions[id].Points) < d.Points)
            {
                Fail($"its {d.Points} points are more than its from questions are worth");
            }
        }
    }

    private static bool SameValue(ExprValue a, ExprValue b) => (a, b) switch
    {
        (ScalarValue x, ScalarValue y) => Math.Abs(x.Value - y.Value) <= 1e-9 * (1 + Math.Abs(x.Value)),
        (MatrixValue x, MatrixValue y) => x.Value.Rows == y.Value.Rows && x.Value.Cols == y.Value.Cols
            && x.Value.ToArray().Zip(y.Value.ToArray()).All(p => Math.Abs(p.First - p.Second) <= 1e-9 * (1 + Math.Abs(p.First))),
        _ => a == b,
    };
}
