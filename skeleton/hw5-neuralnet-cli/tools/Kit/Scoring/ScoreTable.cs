using System.Globalization;
using System.Text;

namespace Kit.Scoring;

/// <summary>One public check's outcome: its rubric item, part, points earned and at stake, and why.</summary>
/// <param name="Item">rubric item, e.g. 3.1.1</param>
/// <param name="Part">part id, e.g. linear.backward</param>
/// <param name="Earned">points earned: all of <paramref name="Max"/> when every test of the check passed, else 0</param>
/// <param name="Max">points the check is worth</param>
/// <param name="Status">"passed", or the first failure message</param>
public sealed record CheckScore(string Item, string Part, double Earned, double Max, string Status);

/// <summary>The points table printed after `dotnet test` and by `score`; shared by both so they agree.</summary>
public static class ScoreTable
{
    /// <summary>The closing line, e.g. <c>Public score: 14 / 38</c>.</summary>
    public static string Total(IReadOnlyList<CheckScore> rows) =>
        $"Public score: {Number(rows.Sum(r => r.Earned))} / {Number(rows.Sum(r => r.Max))}";

    /// <summary>A plain-text table for the terminal.</summary>
    public static string Text(IReadOnlyList<CheckScore> rows)
    {
        var partWidth = Math.Max(4, rows.Select(r => r.Part.Length).DefaultIfEmpty(0).Max());
        var itemWidth = Math.Max(4, rows.Select(r => r.Item.Length).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  {"item".PadRight(itemWidth)}  {"part".PadRight(partWidth)}  points   status\n");
        foreach (var row in rows)
        {
            var points = $"{Number(row.Earned)} / {Number(row.Max)}";
            text.Append(CultureInfo.InvariantCulture, $"  {row.Item.PadRight(itemWidth)}  {row.Part.PadRight(partWidth)}  {points,-7}  {Short(row.Status, 90)}\n");
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
            var status = Short(row.Status, 200).Replace("|", "\\|", StringComparison.Ordinal);
            text.Append(CultureInfo.InvariantCulture, $"| {row.Item} | `{row.Part}` | {Number(row.Earned)} / {Number(row.Max)} | {status} |\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"\n**{Total(rows)}**\n").ToString();
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Short(string message, int max)
    {
        var line = message.ReplaceLineEndings("\n").Split('\n')[0].Trim();
        return line.Length <= max ? line : line[..(max - 3)] + "...";
    }
}
