using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;
using CsCheck;

namespace Autograder.Tests.Grader;

/// <summary>
/// Issue 14, properties of the scorer over generated items and check results (CsCheck, shrinking to the smallest
/// counterexample): every item's points lie in [0, its points], a passing item earns all of them, passing more cases
/// never lowers the points, bonus items never change the maximum, and scoring the same results twice gives the same.
/// </summary>
public sealed class ScorerPropertyTests
{
    private sealed record Case(RubricItem Item, List<CheckResult> Checks);

    private static readonly Gen<CheckResult> GenCheck =
        from total in Gen.Int[0, 6]
        from passed in Gen.Int[0, total]
        from status in Gen.OneOf(CheckStatus.Failed, CheckStatus.Timeout, CheckStatus.Crashed, CheckStatus.NotImplemented)
        from printed in Gen.Bool
        select new CheckResult("c", "forward", passed == total && total > 0 ? new Passed("passed") : CheckOutcome.Of(status, "x"), passed, total, 1, printed ? "debug" : null);

    private static readonly Gen<Case> GenCase =
        from checks in GenCheck.List[1, 5]
        from points in Gen.Int[0, 40]
        from half in Gen.Bool
        from allOrNothing in Gen.Bool
        from weighted in Gen.Bool
        from weights in Gen.Int[1, 5].Array[checks.Count]
        from bonus in Gen.Bool
        from deduction in Gen.OneOf<string?>(null, "all", "1", "2.5")
        select new Case(
            new RubricItem
            {
                Id = "i",
                Points = points + (half ? 0.5 : 0),
                PartialCredit = allOrNothing ? PartialCredit.AllOrNothing : PartialCredit.Fraction,
                Bonus = bonus,
                Deductions = deduction is null ? null : new Deductions { PrintsOutput = deduction },
                Checks = [.. weights.Select(w => new CheckSpec { Kind = "forward", Weight = weighted ? w : null })],
            },
            checks);

    [Fact]
    public void Score_AnyResults_PointsLieBetweenZeroAndTheItemsPoints()
    {
        GenCase.Sample(c =>
        {
            var points = ItemScorer.Score(c.Item, c.Checks, []).Points;
            return points >= 0 && points <= c.Item.Points;
        }, iter: 2000);
    }

    [Fact]
    public void Score_EveryCaseOfEveryCheckPassedWithoutOutput_EarnsAllThePoints()
    {
        GenCase.Sample(c =>
        {
            var passing = c.Checks.Select(r => r with { Outcome = new Passed("passed"), CasesPassed = Math.Max(1, r.CasesTotal), CasesTotal = Math.Max(1, r.CasesTotal), Output = null }).ToList();
            return Math.Abs(ItemScorer.Score(c.Item, passing, []).Points - c.Item.Points) < 1e-9;
        }, iter: 2000);
    }

    [Fact]
    public void Score_OneMoreCasePassing_NeverLowersThePoints()
    {
        GenCase.Sample(c =>
        {
            var before = ItemScorer.Score(c.Item, c.Checks, []).Points;
            var at = c.Checks.FindIndex(r => r.CasesPassed < r.CasesTotal);
            if (at < 0)
            {
                return true;
            }

            var better = c.Checks.ToList();
            var r = better[at];
            var passed = r.CasesPassed + 1;
            better[at] = r with { CasesPassed = passed, Outcome = passed == r.CasesTotal ? new Passed("passed") : r.Outcome };
            return ItemScorer.Score(c.Item, better, []).Points >= before - 1e-9;
        }, iter: 2000);
    }

    [Fact]
    public void Score_SameResultsTwice_SamePointsAndNotes()
    {
        GenCase.Sample(c =>
        {
            var first = ItemScorer.Score(c.Item, c.Checks, ["n"]);
            var second = ItemScorer.Score(c.Item, c.Checks, ["n"]);
            return first.Points == second.Points && first.Notes.SequenceEqual(second.Notes) && first.Status == second.Status;
        }, iter: 1000);
    }

    [Fact]
    public void MaxScore_AddingBonusItems_NeverChangesTheMaximum()
    {
        Gen.Select(GenCase.List[1, 8], GenCase.List[0, 4]).Sample((core, extra) =>
        {
            var items = core.Select((c, i) => c.Item with { Id = $"core{i}", Bonus = false }).ToList();
            var rubric = new Rubric { Items = items };
            var withBonus = new Rubric { Items = [.. items, .. extra.Select((c, i) => c.Item with { Id = $"bonus{i}", Bonus = true })] };
            return Math.Abs(rubric.MaxScore - withBonus.MaxScore) < 1e-9 && Math.Abs(rubric.MaxScore - items.Sum(i => i.Points)) < 1e-9;
        }, iter: 500);
    }
}
