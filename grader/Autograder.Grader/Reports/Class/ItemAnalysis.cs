using System.Text.RegularExpressions;
using Autograder.Grader.Batch;
using Autograder.Grader.Results;

namespace Autograder.Grader.Reports.Class;

/// <summary>
/// The item analysis of a batch: per rubric item, pass rate, mean points, statuses and the most common
/// failure messages. Students whose submission was rejected, is missing or hit a grader error are left
/// out (they say nothing about the item). Messages are grouped on their first line with decimal numbers
/// blanked, so "expected 0.51, got 0.49" and "expected 0.52, got 0.47" count as one mistake.
/// </summary>
public static partial class ItemAnalysis
{
    [GeneratedRegex(@"-?\d+\.\d+(?:[eE][-+]?\d+)?")]
    private static partial Regex Decimal();

    /// <summary>The analysis of every item; manual items come from the staff's grades: their mean (negative for a deduction), and
    /// <c>graded</c>/<c>pending</c> counts instead of a pass rate (which is NaN for them).</summary>
    public static IReadOnlyList<ItemStats> Compute(BatchManifest manifest, IReadOnlyList<StudentRecord> records, int topFailures = 3, ManualGrades? manual = null)
    {
        var graded = records
            .Where(r => r.Result is not null && r.Status is not (StudentStatus.Rejected or StudentStatus.GraderError or StudentStatus.Missing))
            .Select(r => r.Result!)
            .ToList();
        return manifest.Items.Select(item =>
        {
            if (item.Manual)
            {
                var given = records.Where(r => r.Result is not null).Select(r => manual?.Get(r.Student, item.Id)).ToList();
                var entered = given.OfType<ManualGrade>().ToList();
                return new ItemStats(item, entered.Count, entered.Count == 0 ? 0 : entered.Average(g => item.Signed(g.Points)), double.NaN,
                    [KeyValuePair.Create("graded", entered.Count), KeyValuePair.Create("pending", given.Count - entered.Count)], []);
            }

            var results = graded.Select(g => g.Items.FirstOrDefault(i => i.Id == item.Id)).OfType<ItemResult>().ToList();
            var statuses = results.GroupBy(r => StudentStatus.Name(r.Status))
                .Select(g => KeyValuePair.Create(g.Key, g.Count()))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .ToList();

            // One count per student and message, so a message repeated by several checks of one student counts once.
            var failures = results
                .SelectMany(r => r.Checks.Where(c => c.Status != CheckStatus.Passed).Select(c => Normalise($"{c.Name}: {c.Outcome.Message}")).Distinct())
                .GroupBy(m => m)
                .Select(g => KeyValuePair.Create(g.Key, g.Count()))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(topFailures)
                .ToList();
            return new ItemStats(
                item,
                results.Count,
                results.Count == 0 ? 0 : results.Average(r => r.Points),
                results.Count == 0 ? 0 : (double)results.Count(r => r.Status == CheckStatus.Passed) / results.Count,
                statuses,
                failures);
        }).ToList();
    }

    /// <summary>The first line of a message, decimals replaced by <c>…</c>, at most 160 characters.</summary>
    public static string Normalise(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        line = Decimal().Replace(line, "…");
        return line.Length > 160 ? line[..157] + "..." : line;
    }
}
