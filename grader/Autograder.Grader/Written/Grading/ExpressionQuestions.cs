using Autograder.Grader.Written.Answers;
using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Bindings;
using Autograder.Grader.Written.Expressions;
using Autograder.Grader.Written.Wire;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Written.Grading;

/// <summary>
/// Expression and number questions: the answer is validated on the host, compiled and run by the
/// evaluator on every binding, and compared with the reference (evaluated here by the interpreter)
/// within the question's tolerance. Each case earns its points when every binding it covers matches
/// the reference, or one alternative, or (error carried forward) a key with the student's own wrong
/// earlier answer put in, or the key of a mistake a handout deduction names (<see cref="ProblemDeductions"/>).
/// </summary>
internal static class ExpressionQuestions
{
    public static (QuestionResult? Done, PendingQuestion? Pending) Prepare(WrittenProblem problem, WrittenQuestion q, StudentAnswer answer, IReadOnlyList<IReadOnlyDictionary<string, ExprValue>> problemBindings)
    {
        if (answer.Text is not { } text)
        {
            return (QuestionResult.Zero(q, WrittenStatus.SyntaxError, $"expected one {(q.Kind == QuestionKind.Number ? "number" : "expression")} on line {answer.Line}, found a {(answer.Items is null ? "mapping" : "list")}"), null);
        }

        var check = ExpressionValidator.Validate(text, q.Variables);
        if (!check.Ok)
        {
            return (QuestionResult.Zero(q, check.Error!.Syntax ? WrittenStatus.SyntaxError : WrittenStatus.Rejected, check.Error.ToString()), null);
        }

        var bindings = q.Kind == QuestionKind.Number ? [new Dictionary<string, ExprValue>()] : problemBindings;
        IReadOnlyList<WrittenValue?> Values(string key)
        {
            var syntax = SyntaxFactory.ParseExpression(key);
            return bindings.Select(b => (WrittenValue?)ValueText.ToWire(Interpreter.Evaluate(syntax, b, FunctionContext.None))).ToList();
        }

        var keys = new Keys(
            bindings,
            Values(q.Reference)!,
            q.Alternatives.Select(Values).ToList(),
            problem.Deductions.Where(d => d.Keys.ContainsKey(q.Id)).SelectMany(d => d.Keys[q.Id].Select(key => (d, Values(key)))).ToList());
        var variables = q.Variables.Select(v => new WrittenVariable(v, bindings[0][v] is MatrixValue)).ToList();
        var wireBindings = bindings.Select(b => (IReadOnlyList<WrittenValue>)q.Variables.Select(v => ValueText.ToWire(b[v])).ToList()).ToList();
        var item = new WrittenItem(q.Id, text, keys.Expected[0]!.IsNumber ? "number" : "matrix", variables, wireBindings);
        return (null, new PendingQuestion(q, [item], (results, earlier) =>
            Finish(q, results[q.Id], keys, q.CarriesFrom.Count == 0 ? null : CarriedKeys.Evaluate(problem, q, bindings, results, earlier))));
    }

    private static QuestionResult Finish(WrittenQuestion q, WrittenItemResult result, Keys keys, CarriedKeys? carried)
    {
        if (result.TimedOut)
        {
            return QuestionResult.Zero(q, WrittenStatus.Timeout, result.Error ?? "took too long");
        }

        if (result.Error is { } error || result.Values is null || result.Values.Count != keys.Bindings.Count)
        {
            return QuestionResult.Zero(q, WrittenStatus.CompileError, new ExpressionError(result.Position, result.Error ?? "no values").ToString());
        }

        var bindings = keys.Bindings;
        var mismatch = new string?[bindings.Count];
        for (var i = 0; i < bindings.Count; i++)
        {
            mismatch[i] = Compare(q, result.Values[i], keys.Expected[i]!);
        }

        // Per other key, which bindings the answer matches it on.
        bool[] Matches(IReadOnlyList<WrittenValue?> key) =>
            Enumerable.Range(0, bindings.Count).Select(i => key[i] is { } v && Compare(q, result.Values[i], v) is null).ToArray();
        var alternatives = keys.Alternatives.Select(Matches).ToList();
        var carriedKeys = carried?.Keys.Select(Matches).ToList() ?? [];
        var mistakes = keys.Mistakes.Select(m => (m.Deduction, Matches: Matches(m.Values))).ToList();
        var byAlternative = false;
        var byCarried = false;
        WrittenDeduction? mistake = null;
        var cases = new List<CaseOutcome>();
        string? firstFailure = null;
        foreach (var c in q.ScoredCases)
        {
            var when = string.IsNullOrWhiteSpace(c.When) ? null : SyntaxFactory.ParseExpression(c.When);
            var covered = Enumerable.Range(0, bindings.Count).Where(i => when is null || BindingGenerator.Holds(when, bindings[i])).ToList();
            var failing = covered.FirstOrDefault(i => mismatch[i] is not null, -1);
            bool AllOf(bool[] m) => covered.Count > 0 && covered.All(i => m[i]);
            if (failing >= 0 && alternatives.Any(AllOf))
            {
                (failing, byAlternative) = (-1, true);
            }
            else if (failing >= 0 && carriedKeys.Any(AllOf))
            {
                (failing, byCarried) = (-1, true);
            }
            else if (failing >= 0 && mistakes.FirstOrDefault(m => AllOf(m.Matches)).Deduction is { } made)
            {
                (failing, mistake) = (-1, made);
            }

            cases.Add(new CaseOutcome(c.Name, failing < 0 && covered.Count > 0, failing < 0 ? c.Points : 0, c.Points, covered.Count));
            if (failing >= 0 && firstFailure is null)
            {
                var where = q.Kind == QuestionKind.Number ? "" : $" at {ValueText.Binding(bindings[failing], q.Variables)}";
                var caseName = q.Cases.Count > 0 ? $"case '{c.Name}': " : "";
                firstFailure = $"{caseName}{where.TrimStart()}{(where.Length > 0 ? ": " : "")}{mismatch[failing]}";
            }
        }

        var points = cases.Sum(c => c.Points);
        var status = QuestionResult.StatusOf(points, q.Points);
        var ecf = byCarried ? $"correct given your answer to {carried!.Names} (error carried forward)" : null;
        var message = status switch
        {
            WrittenStatus.Passed when mistake is not null => $"right except for the mistake of {mistake.Id}",
            WrittenStatus.Passed when ecf is not null => ecf,
            WrittenStatus.Passed => byAlternative ? "correct (it matches the handout's printed key, which the course also accepts)" : "correct",
            _ => $"{firstFailure ?? "does not match"}{(ecf is null ? "" : $"; the other cases are {ecf}")}",
        };
        return new QuestionResult(q.Id, q.Title, status, points, q.Points, $"{q.Id}: {message}", cases) { CarriedForward = byCarried, Mistake = mistake?.Id };
    }

    /// <summary>Null when the answer's value matches the reference, else what differs.</summary>
    private static string? Compare(WrittenQuestion q, WrittenOutcome outcome, WrittenValue expected)
    {
        if (outcome.Value is not { } got)
        {
            return $"evaluating the answer failed: {outcome.Error}";
        }

        if (q.Kind == QuestionKind.Number)
        {
            return Close(got.Data[0], expected.Data[0], q) ? null : $"{ValueText.Number(got.Data[0])} is not the expected value";
        }

        if (got.IsNumber != expected.IsNumber || got.Rows != expected.Rows || got.Cols != expected.Cols)
        {
            return $"the answer is {ValueText.Describe(got)}, expected {(expected.IsNumber ? "a number" : $"a {expected.Rows}x{expected.Cols} matrix")}";
        }

        var flipped = true;
        for (var k = 0; k < got.Data.Length; k++)
        {
            flipped &= Close(-got.Data[k], expected.Data[k], q);
        }

        for (var k = 0; k < got.Data.Length; k++)
        {
            if (!Close(got.Data[k], expected.Data[k], q))
            {
                var entry = got.IsNumber ? "the answer gives" : $"entry ({(k / got.Cols) + 1}, {(k % got.Cols) + 1}) is";
                return $"{entry} {ValueText.Number(got.Data[k])}, expected {ValueText.Number(expected.Data[k])}{(flipped ? " (the sign looks flipped)" : "")}";
            }
        }

        return null;
    }

    private static bool Close(double got, double expected, WrittenQuestion q) =>
        !double.IsNaN(got) && (got == expected || Math.Abs(got - expected) <= q.Atol + (q.Rtol * Math.Abs(expected)));

    /// <summary>The values an answer is compared with, per binding: the reference, the alternatives and the keys of named mistakes.</summary>
    private sealed record Keys(
        IReadOnlyList<IReadOnlyDictionary<string, ExprValue>> Bindings,
        IReadOnlyList<WrittenValue?> Expected,
        IReadOnlyList<IReadOnlyList<WrittenValue?>> Alternatives,
        IReadOnlyList<(WrittenDeduction Deduction, IReadOnlyList<WrittenValue?> Values)> Mistakes);
}
