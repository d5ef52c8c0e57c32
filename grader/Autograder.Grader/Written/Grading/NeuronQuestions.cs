using Autograder.Grader.Written.Answers;
using Autograder.Grader.Written.Bank;
using Autograder.Grader.Written.Expressions;
using Autograder.Grader.Written.Wire;

namespace Autograder.Grader.Written.Grading;

/// <summary>
/// A linear threshold neuron f(x) = 1 if w^T x + b &gt;= 0 else 0 (A1 theory 2): the student's
/// <c>w</c> (two numbers) and <c>b</c> are evaluated as constant expressions, then the neuron is run
/// on all four inputs of {0,1}^2 and compared with the gate's truth table.
/// </summary>
internal static class NeuronQuestions
{
    private static readonly (int X1, int X2)[] Inputs = [(0, 0), (0, 1), (1, 0), (1, 1)];

    /// <summary>Relative rounding slack at the threshold: far above a double's error on a sum of three terms, far below any answer's margin.</summary>
    private const double BoundarySlack = 1e-12;

    public static (QuestionResult? Done, PendingQuestion? Pending) Prepare(WrittenQuestion q, StudentAnswer answer)
    {
        var (texts, error) = NeuronReading.Read(answer);
        if (texts is null)
        {
            return (QuestionResult.Zero(q, WrittenStatus.SyntaxError, error!), null);
        }

        var items = new List<WrittenItem>();
        foreach (var (name, text) in texts)
        {
            var check = ExpressionValidator.Validate(text, []);
            if (!check.Ok)
            {
                return (QuestionResult.Zero(q, check.Error!.Syntax ? WrittenStatus.SyntaxError : WrittenStatus.Rejected, $"{name}: {check.Error}"), null);
            }

            items.Add(new WrittenItem($"{q.Id}#{name}", text, "number", [], [[]]));
        }

        return (null, new PendingQuestion(q, items, (results, _) => Finish(q, items.Select(i => results[i.Id]).ToList())));
    }

    private static QuestionResult Finish(WrittenQuestion q, IReadOnlyList<WrittenItemResult> results)
    {
        var values = new double[3];
        for (var k = 0; k < 3; k++)
        {
            if (results[k] is { Error: { } error } r)
            {
                return QuestionResult.Zero(q, r.TimedOut ? WrittenStatus.Timeout : WrittenStatus.CompileError, $"{(k < 2 ? $"w{k + 1}" : "b")}: {new ExpressionError(r.Position, error)}");
            }

            values[k] = results[k].Values?.SingleOrDefault()?.Value?.Data[0] ?? double.NaN;
        }

        // w^T x + b == 0 is the threshold's own case (>= 0 fires), so a sum that is zero in exact arithmetic but a
        // rounding error below it in doubles (w = [0.3, 0.6], b = -0.9 for AND) still fires.
        var slack = BoundarySlack * (Math.Abs(values[0]) + Math.Abs(values[1]) + Math.Abs(values[2]));
        var wrong = new List<string>();
        for (var i = 0; i < Inputs.Length; i++)
        {
            var (x1, x2) = Inputs[i];
            var output = (values[0] * x1) + (values[1] * x2) + values[2] >= -slack ? 1 : 0;
            if (output != q.TruthTable[i])
            {
                wrong.Add($"f({x1}, {x2}) = {output}, expected {q.TruthTable[i]}");
            }
        }

        return wrong.Count == 0
            ? QuestionResult.Full(q, "correct on all four inputs")
            : QuestionResult.Zero(q, WrittenStatus.Failed, $"with w = [{ValueText.Number(values[0])}, {ValueText.Number(values[1])}], b = {ValueText.Number(values[2])}: {string.Join("; ", wrong)}");
    }
}
