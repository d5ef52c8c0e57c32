using System.Globalization;
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
            _ => item.Points * passed / cases,
        };

        if (item.Deductions?.PrintsOutput is { } rule && checks.Any(c => c.Output is not null) && points > 0)
        {
            var cost = rule == "all" ? points : double.Parse(rule, CultureInfo.InvariantCulture);
            points = Math.Max(0, points - cost);
            allNotes.Add($"your code printed output while being graded (not asked for): -{cost:0.##} points");
        }

        return new ItemResult(item.Id, item.Title, Math.Round(points, 4), item.Points, item.Visibility, checks, allNotes);
    }

    /// <summary>Every check of <paramref name="item"/> with the same non-run outcome (compile error, policy violation, rejected file).</summary>
    public static IReadOnlyList<CheckResult> Blocked(RubricItem item, CheckOutcome outcome) =>
        item.Checks.Select(c => new CheckResult(c.Name ?? c.Kind, c.Kind, outcome, 0, Math.Max(1, c.Kind is "init" or "training-log" or "script" ? 1 : c.Cases), 0)).ToList();

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
}
