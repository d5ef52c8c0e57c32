using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Pipeline;

/// <summary>Turns an item's check results into points: partial credit, then deductions.</summary>
internal static class ItemScorer
{
    public static ItemResult Score(RubricItem item, IReadOnlyList<CheckResult> checks, IEnumerable<string> notes)
    {
        var allNotes = notes.ToList();
        var cases = checks.Sum(c => c.CasesTotal);
        var passed = checks.Sum(c => c.CasesPassed);
        var points = item.PartialCredit switch
        {
            _ when cases == 0 => 0,
            PartialCredit.AllOrNothing => checks.All(c => c.Status == CheckStatus.Passed) ? item.Points : 0,
            _ when Weights(item, checks) is { } weights => item.Points * weights.Sum(w => w.Weight * w.Passed) / weights.Sum(w => w.Weight),
            _ => item.Points * passed / cases,
        };

        if (item.Deductions?.PrintsOutput is { } rule && checks.Any(c => c.Output is not null) && points > 0)
        {
            var cost = Cost(rule, points);
            points = Math.Max(0, points - cost);
            allNotes.Add($"your code printed output while being graded (not asked for): -{cost:0.##} points");
        }

        return new ItemResult(item.Id, item.Title, Math.Round(points, 4), item.Points, item.Visibility, checks, allNotes) { Bonus = item.Bonus };
    }

    /// <summary>Each check's weight and passing fraction when every check of the item states a weight, else null.</summary>
    private static List<(double Weight, double Passed)>? Weights(RubricItem item, IReadOnlyList<CheckResult> checks) =>
        checks.Count == item.Checks.Count && item.Checks.Count > 0 && item.Checks.All(c => c.Weight is > 0)
            ? [.. item.Checks.Zip(checks, (spec, result) => (spec.Weight!.Value, result.CasesTotal == 0 ? 0.0 : (double)result.CasesPassed / result.CasesTotal))]
            : null;

    /// <summary>
    /// The rubric-wide deductions, after every item is scored. <c>prints_output</c> at rubric level is
    /// A1's rule: "your entire programming parts will NOT be graded and given 0 score if your code prints
    /// out anything that is not asked": any output during any check costs every programming item (one
    /// with parts) its points (<c>all</c>) or the stated number of points in total.
    /// </summary>
    public static List<ItemResult> ApplyRubricDeductions(Rubric rubric, List<ItemResult> items, List<string> messages)
    {
        if (rubric.Deductions?.PrintsOutput is not { } rule)
        {
            return items;
        }

        var printed = items.Where(i => i.Checks.Any(c => c.Output is not null)).Select(i => i.Id).ToList();
        if (printed.Count == 0)
        {
            return items;
        }

        var programming = rubric.Items.Where(i => i.Parts.Count > 0).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var owed = rule == "all" ? double.PositiveInfinity : Cost(rule, 0);
        var note = $"your code printed output while being graded (in {string.Join(", ", printed)}); the handout's rule: printing anything not asked costs {(rule == "all" ? "all programming points" : $"{owed:0.##} points")}";
        messages.Add($"deduction: {note}");
        var result = new List<ItemResult>();
        foreach (var item in items)
        {
            if (!programming.Contains(item.Id) || owed <= 0 || item.Points <= 0)
            {
                result.Add(item);
                continue;
            }

            var cost = Math.Min(owed, item.Points);
            owed -= cost;
            result.Add(item with { Points = Math.Round(item.Points - cost, 4), Notes = [.. item.Notes, $"-{cost:0.##} points: {note}"] });
        }

        return result;
    }

    /// <summary>Every check of <paramref name="item"/> with the same non-run outcome (compile error, policy violation, rejected file).</summary>
    public static IReadOnlyList<CheckResult> Blocked(RubricItem item, CheckOutcome outcome) =>
        item.Checks.Select(c => new CheckResult(c.Name ?? c.Kind, c.Kind, outcome, 0, Math.Max(1, CaseCount(c)), 0)).ToList();

    /// <summary>The late-penalty fraction for a submission <paramref name="submitted"/> against the rubric's due date.</summary>
    public static double LatePenalty(Rubric rubric, DateTimeOffset? submitted)
    {
        if (rubric.Due is not { } due || submitted is not { } at || at <= due || rubric.LatePenalty is not { } policy)
        {
            return 0;
        }

        var days = Math.Ceiling((at - due).TotalDays);
        return Math.Min(policy.Max, policy.PerDay * days);
    }

    private static int CaseCount(CheckSpec spec)
    {
        try
        {
            return CheckRegistry.Get(spec.Kind).CaseCount(spec);
        }
        catch (RubricError)
        {
            return spec.Cases;
        }
    }

    private static double Cost(string rule, double all) => rule == "all" ? all : double.Parse(rule, CultureInfo.InvariantCulture);
}
