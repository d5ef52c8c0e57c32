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
/// within the question's tolerance. Each case earns its points when every binding it covers matches.
/// </summary>
internal static class ExpressionQuestions
{
    public static (QuestionResult? Done, PendingQuestion? Pending) Prepare(WrittenQuestion q, StudentAnswer answer, IReadOnlyList<IReadOnlyDictionary<string, ExprValue>> problemBindings)
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
        var reference = SyntaxFactory.ParseExpression(q.Reference);
        var expected = bindings.Select(b => ValueText.ToWire(Interpreter.Evaluate(reference, b, FunctionContext.None))).ToList();
        var alternatives = q.Alternatives.Select(a => SyntaxFactory.ParseExpression(a))
            .Select(a => (IReadOnlyList<WrittenValue>)bindings.Select(b => ValueText.ToWire(Interpreter.Evaluate(a, b, FunctionContext.None))).ToList()).ToList();
        var variables = q.Variables.Select(v => new WrittenVariable(v, bindings[0][v] is MatrixValue)).ToList();
        var wireBindings = bindings.Select(b => (IReadOnlyList<WrittenValue>)q.Variables.Select(v => ValueText.ToWire(b[v])).ToList()).ToList();
        var item = new WrittenItem(q.Id, text, expected[0].IsNumber ? "number" : "matrix", variables, wireBindings);
        return (null, new PendingQuestion(q, [item], results => Finish(q, results[q.Id], bindings, expected, alternatives)));
    }

    private static QuestionResult Finish(WrittenQuestion q, WrittenItemResult result, IReadOnlyList<IReadOnlyDictionary<string, ExprValue>> bindings, IReadOnlyList<WrittenValue> expected, IReadOnlyList<IReadOnlyList<WrittenValue>> alternatives)
    {
        if (result.TimedOut)
        {
            return QuestionResult.Zero(q, WrittenStatus.Timeout, result.Error ?? "took too long");
        }

        if (result.Error is { } error || result.Values is null)
        {
            return QuestionResult.Zero(q, WrittenStatus.CompileError, new ExpressionError(result.Position, result.Error ?? "no values").ToString());
        }

        var mismatch = new string?[bindings.Count];
        for (var i = 0; i < bindings.Count; i++)
        {
            mismatch[i] = Compare(q, result.Values[i], expected[i]);
        }

        // Per alternative key (the handout's printed one), which bindings the answer matches it on.
        var matchesAlternative = alternatives.Select(alt => Enumerable.Range(0, bindings.Count).Select(i => Compare(q, result.Values[i], alt[i]) is null).ToArray()).ToList();
        var byAlternative = false;
        var cases = new List<CaseOutcome>();
        string? firstFailure = null;
        foreach (var c in q.ScoredCases)
        {
            var when = string.IsNullOrWhiteSpace(c.When) ? null : SyntaxFactory.ParseExpression(c.When);
            var covered = Enumerable.Range(0, bindings.Count).Where(i => when is null || BindingGenerator.Holds(when, bindings[i])).ToList();
            var failing = covered.FirstOrDefault(i => mismatch[i] is not null, -1);
            if (failing >= 0 && covered.Count > 0 && matchesAlternative.Any(m => covered.All(i => m[i])))
            {
                failing = -1;
                byAlternative = true;
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
        var status = points >= q.Points - 1e-12 ? WrittenStatus.Passed : points > 0 ? WrittenStatus.Partial : WrittenStatus.Failed;
        var message = status == WrittenStatus.Passed ? (byAlternative ? "correct (it matches the handout's printed key, which the course also accepts)" : "correct") : firstFailure ?? "does not match";
        return new QuestionResult(q.Id, q.Title, status, points, q.Points, $"{q.Id}: {message}", cases);
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
}
