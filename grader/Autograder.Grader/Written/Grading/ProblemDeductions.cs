using System.Globalization;
using Autograder.Grader.Written.Bank;

namespace Autograder.Grader.Written.Grading;

/// <summary>
/// Applies a problem's <see cref="WrittenDeduction"/>s as the handout words them, after its questions are graded:
/// when any answer made the named mistake (its cases were matched by the mistake's key), the deduction's points come
/// off once, in whole cases, first from the questions that made the mistake, then from the other questions of
/// <see cref="WrittenDeduction.From"/> in order; never below zero. Every question it takes points from says so,
/// quoting the handout's rule and how the deduction was split.
/// </summary>
internal static class ProblemDeductions
{
    public static void Apply(WrittenProblem problem, Dictionary<string, QuestionResult> results)
    {
        foreach (var d in problem.Deductions)
        {
            var made = d.From.Where(id => results.TryGetValue(id, out var r) && r.Mistake == d.Id).ToList();
            if (made.Count == 0)
            {
                continue;
            }

            var owed = d.Points;
            var taken = new Dictionary<string, (QuestionResult Result, double Points)>(StringComparer.Ordinal);
            foreach (var id in made.Concat(d.From.Except(made)))
            {
                if (owed <= 1e-9)
                {
                    break;
                }

                var result = results[id];
                var cases = result.Cases.ToList();
                var points = 0.0;
                for (var k = cases.Count - 1; k >= 0 && owed > 1e-9; k--)
                {
                    if (cases[k].Passed && cases[k].Points <= owed + 1e-9)
                    {
                        owed -= cases[k].Points;
                        points += cases[k].Points;
                        cases[k] = cases[k] with { Passed = false, Points = 0 };
                    }
                }

                taken[id] = (result with { Cases = cases }, points);
            }

            var total = d.Points - Math.Max(0, owed);
            var split = string.Join(", ", taken.Where(t => t.Value.Points > 0).Select(t => $"-{Number(t.Value.Points)} on {t.Key}"));
            var rule = $"the handout's deduction {d.Id}, \"{d.Rule}\", made by {string.Join(" and ", made)}: -{Number(total)} points ({split})";
            foreach (var id in made.Union(taken.Keys))
            {
                var (result, points) = taken.TryGetValue(id, out var t) ? t : (results[id], 0);
                var before = results[id];
                var message = made.Contains(id) && before.Status == WrittenStatus.Passed ? $"{id}: right except for this mistake: {rule}" : $"{before.Message}; {rule}";
                var left = result.Points - points;
                results[id] = result with
                {
                    Points = left,
                    Status = QuestionResult.StatusOf(left, result.MaxPoints),
                    Message = message,
                };
            }
        }
    }

    private static string Number(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
