using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Expressions;
using Autograder.Grader.Written.Wire;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Grader.Written.Grading;

/// <summary>
/// Error carried forward (HW3 1.2: "Do not deduct points if the gradient is wrong solely due to mistakes from the
/// last question"): a question's keys (reference and alternatives) evaluated with the student's own answers to the
/// earlier questions it <see cref="WrittenQuestion.CarriesFrom"/> in place of the bindings those answers stand for.
/// Only earlier answers that were wrong are put in; the student's values come from the same evaluator batch, on the
/// same bindings.
/// </summary>
/// <param name="From">the earlier questions whose answers were put in</param>
/// <param name="Keys">per key, its value at each binding (null where it cannot be evaluated: an earlier answer failed there)</param>
internal sealed record CarriedKeys(IReadOnlyList<WrittenQuestion> From, IReadOnlyList<IReadOnlyList<WrittenValue?>> Keys)
{
    public static CarriedKeys? Evaluate(
        WrittenProblem problem,
        WrittenQuestion q,
        IReadOnlyList<IReadOnlyDictionary<string, ExprValue>> bindings,
        IReadOnlyDictionary<string, WrittenItemResult> items,
        IReadOnlyDictionary<string, QuestionResult> earlier)
    {
        var wrong = q.CarriesFrom
            .Where(kv => earlier.TryGetValue(kv.Key, out var r) && (r.Status != WrittenStatus.Passed || r.CarriedForward))
            .Where(kv => items.TryGetValue(kv.Key, out var item) && item.Error is null && item.Values?.Count == bindings.Count)
            .ToList();
        if (wrong.Count == 0)
        {
            return null;
        }

        var keys = new[] { q.Reference }.Concat(q.Alternatives).Select(k => SyntaxFactory.ParseExpression(k)).ToList();
        var values = keys.Select(key => (IReadOnlyList<WrittenValue?>)bindings.Select((binding, i) =>
        {
            var env = new Dictionary<string, ExprValue>(binding, StringComparer.Ordinal);
            foreach (var (id, name) in wrong)
            {
                if (ToExpr(items[id].Values![i].Value) is not { } value)
                {
                    return null;
                }

                env[name] = value;
            }

            try
            {
                return ValueText.ToWire(Interpreter.Evaluate(key, env, FunctionContext.None));
            }
            catch (EvaluationException)
            {
                return null;
            }
        }).ToList()).ToList();
        return new CarriedKeys(wrong.Select(kv => problem.Questions.First(p => p.Id == kv.Key)).ToList(), values);
    }

    /// <summary>"1.1 dF_i/dw_c (hw3.p1.dFi_dwc)" for the feedback.</summary>
    public string Names => string.Join(" and ", From.Select(q => $"{q.Title} ({q.Id})"));

    // The worker is untrusted: a value whose data does not fit its shape is no value.
    private static ExprValue? ToExpr(WrittenValue? value) => value switch
    {
        { IsNumber: true, Data.Length: 1 } => new ScalarValue(value.Data[0]),
        { IsNumber: false, Rows: > 0, Cols: > 0 } when value.Data.Length == value.Rows * value.Cols => new MatrixValue(new Matrix(value.Rows, value.Cols, value.Data)),
        _ => null,
    };
}
