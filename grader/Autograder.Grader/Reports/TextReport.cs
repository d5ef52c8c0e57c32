using System.Text;
using Autograder.Grader.Results;

namespace Autograder.Grader.Reports;

/// <summary>The result for a terminal: one line per item, the messages of checks that did not pass indented below.</summary>
public static class TextReport
{
    public static string Write(GradeResult r)
    {
        var s = new StringBuilder();
        s.AppendLine($"{r.Assignment}: {r.Submission}  score {r.ScoreText}  (seed {r.Seed}, sandbox {r.Sandbox}, {r.ExecutionSeconds:0.0} s)");
        if (r.GraderError is { } error)
        {
            s.AppendLine($"GRADER ERROR: {error}");
        }

        foreach (var m in r.Messages)
        {
            s.AppendLine($"  ! {m}");
        }

        foreach (var item in r.Items)
        {
            s.AppendLine($"{item.Id,-8} {item.Title,-40} {item.Points,6:0.##} / {item.MaxPoints:0.##}  {Names.Of(item.Status)}{(item.Bonus ? " (bonus)" : "")}");
            foreach (var c in item.Checks.Where(c => c.Status != CheckStatus.Passed))
            {
                s.AppendLine($"    {c.Name}: {Names.Of(c.Status)} ({c.CasesPassed}/{c.CasesTotal}): {Indent(c.Outcome.Message)}");
            }

            foreach (var c in item.Checks.Where(c => c.Output is not null))
            {
                s.AppendLine($"    {c.Name} printed: {Indent(Truncate(c.Output!))}");
            }

            foreach (var n in item.Notes)
            {
                s.AppendLine($"    note: {n}");
            }
        }

        return s.ToString();
    }

    /// <summary>" (+ up to N bonus)" when the rubric has extra credit, else "".</summary>


    private static string Indent(string text) => text.Replace("\n", "\n      ", StringComparison.Ordinal);

    internal static string Truncate(string text) => text.Length > 500 ? text[..500] + " ..." : text.TrimEnd();
}
