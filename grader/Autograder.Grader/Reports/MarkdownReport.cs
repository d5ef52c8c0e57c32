using System.Text;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Reports;

/// <summary>Per-student Markdown feedback: score table, then what to fix per item. Hidden items are left out unless <c>instructor</c>.</summary>
public static class MarkdownReport
{
    public static string Write(GradeResult r, bool instructor = false)
    {
        var items = r.Items.Where(i => instructor || i.Visibility == Visibility.Visible).ToList();
        var s = new StringBuilder();
        s.AppendLine($"# {r.Assignment}: {r.ScoreText}").AppendLine();
        if (r.GraderError is { } error)
        {
            s.AppendLine($"> **The grader failed**: {error}").AppendLine();
        }

        foreach (var m in r.Messages)
        {
            s.AppendLine($"- {m.Replace("\n", " ", StringComparison.Ordinal)}");
        }

        s.AppendLine().AppendLine("| item | title | points | status |").AppendLine("|---|---|---|---|");
        foreach (var i in items)
        {
            s.AppendLine($"| {i.Id} | {i.Title}{(i.Bonus ? " (bonus)" : "")} | {i.Points:0.##} / {i.MaxPoints:0.##} | {Names.Of(i.Status)} |");
        }

        foreach (var i in items.Where(i => i.Status != CheckStatus.Passed || i.Notes.Count > 0))
        {
            s.AppendLine().AppendLine($"## {i.Id} {i.Title}").AppendLine(ItemBody(i));
        }

        return s.ToString();
    }

    /// <summary>An item's feedback in Markdown (also the Gradescope test output).</summary>
    public static string ItemBody(ItemResult i)
    {
        var s = new StringBuilder();
        foreach (var c in i.Checks)
        {
            var mark = c.Status == CheckStatus.Passed ? "passed" : $"**{Names.Of(c.Status)}**";
            s.AppendLine($"- {c.Name}: {mark} ({c.CasesPassed}/{c.CasesTotal})");
            if (c.Status != CheckStatus.Passed)
            {
                s.AppendLine().AppendLine("  ```").AppendLine("  " + c.Outcome.Message.Replace("\n", "\n  ", StringComparison.Ordinal)).AppendLine("  ```");
            }

            if (c.Output is { } output)
            {
                s.AppendLine($"  - printed: `{TextReport.Truncate(output).Replace("`", "'", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)}`");
            }
        }

        foreach (var n in i.Notes)
        {
            s.AppendLine($"- note: {n}");
        }

        return s.ToString();
    }
}
