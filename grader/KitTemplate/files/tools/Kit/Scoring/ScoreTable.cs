using System.Globalization;
using System.Text;

namespace Kit.Scoring;

/// <summary>One public check's outcome: its rubric item, part, points earned and at stake, and why.</summary>
/// <param name="Item">rubric item, e.g. 3.1.1</param>
/// <param name="Part">part id, e.g. linear.backward</param>
/// <param name="Earned">points earned: all of <paramref name="Max"/> when every test of the check passed, else 0</param>
/// <param name="Max">points the check is worth</param>
/// <param name="Status">"passed", or the first failure message</param>
/// <param name="Bonus">a bonus part: <paramref name="Earned"/> and <paramref name="Max"/> are bonus points, outside the public score</param>
/// <param name="TestClass">the check's test class (the filter that runs it alone)</param>
public sealed record CheckScore(string Item, string Part, double Earned, double Max, string Status, bool Bonus = false, string TestClass = "")
{
    /// <summary>
    /// The table's rows for a kit's checks, in kit.json's (the handout's) order: provided parts are left out (they are
    /// not yours to write), bonus parts count their bonus points, and a failure caused by another part's TODO says so.
    /// </summary>
    public static IReadOnlyList<CheckScore> Rows(IReadOnlyList<KitCheck> checks, Func<KitCheck, string> status) =>
        checks.Where(c => c.Assigned).Select(c =>
        {
            var s = DependsOn(c.Part, status(c));
            var max = c.Bonus ? c.BonusPoints : c.Points;
            return new CheckScore(c.Item, c.Part, s == "passed" ? max : 0, max, s, c.Bonus, c.TestClass);
        }).ToList();

    /// <summary>"not implemented yet: TODO(x)" in the check of part y is y waiting for x: say so first.</summary>
    private static string DependsOn(string part, string status)
    {
        var at = status.IndexOf("TODO(", StringComparison.Ordinal);
        if (at < 0)
        {
            return status;
        }

        var end = status.IndexOf(')', at);
        var other = end > at ? status[(at + 5)..end] : "";
        return other.Length > 0 && other != part ? $"depends on {other} (not implemented yet): {status}" : status;
    }
}

/// <summary>The points table printed after `dotnet test` and by `score`; shared by both so they agree.</summary>
public static class ScoreTable
{
    /// <summary>The closing line, e.g. <c>Public score: 14 / 38</c>, or <c>Public score: 22 / 22 (+8 bonus)</c> as the grader writes it.</summary>
    public static string Total(IReadOnlyList<CheckScore> rows)
    {
        var core = rows.Where(r => !r.Bonus).ToList();
        var bonus = rows.Where(r => r.Bonus).ToList();
        var line = $"Public score: {Number(core.Sum(r => r.Earned))} / {Number(core.Sum(r => r.Max))}";
        return bonus.Count == 0 ? line : $"{line} (+{Number(bonus.Sum(r => r.Earned))} bonus of {Number(bonus.Sum(r => r.Max))})";
    }

    /// <summary>A plain-text table for the terminal.</summary>
    public static string Text(IReadOnlyList<CheckScore> rows)
    {
        var partWidth = Math.Max(4, rows.Select(r => r.Part.Length).DefaultIfEmpty(0).Max());
        var itemWidth = Math.Max(4, rows.Select(r => r.Item.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  {"item".PadRight(itemWidth)}  {"part".PadRight(partWidth)}  points   status\n");
        foreach (var row in rows)
        {
            var points = row.Bonus ? $"+{Number(row.Earned)} / {Number(row.Max)} bonus" : $"{Number(row.Earned)} / {Number(row.Max)}";
            text.Append(CultureInfo.InvariantCulture, $"  {row.Item.PadRight(itemWidth)}  {row.Part.PadRight(partWidth)}  {points,-13}  {FirstLine(row.Status)}\n");
        }

        return text.Append(Total(rows)).ToString();
    }

    /// <summary>A Markdown table for a CI job summary.</summary>
    public static string Markdown(IReadOnlyList<CheckScore> rows, string title)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## {title}\n\n| item | part | points | status |\n|---|---|---|---|\n");
        foreach (var row in rows)
        {
            var status = FirstLine(row.Status).Replace("|", "\\|", StringComparison.Ordinal);
            var points = row.Bonus ? $"+{Number(row.Earned)} / {Number(row.Max)} bonus" : $"{Number(row.Earned)} / {Number(row.Max)}";
            text.Append(CultureInfo.InvariantCulture, $"| {row.Item} | `{row.Part}` | {points} | {status} |\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"\n**{Total(rows)}**\n").ToString();
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string FirstLine(string message) => message.ReplaceLineEndings("\n").Split('\n')[0].Trim();
}
