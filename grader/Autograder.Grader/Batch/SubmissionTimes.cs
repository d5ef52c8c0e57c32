using System.Globalization;

namespace Autograder.Grader.Batch;

/// <summary>
/// <c>--submitted-at times.csv</c>: when each student submitted, one <c>student,timestamp</c> line each
/// (ISO 8601, e.g. <c>alice,2026-03-01T23:59:00+01:00</c>; no offset means UTC; a header line and blank
/// lines are skipped). Used for late days and the rubric's late penalty.
/// </summary>
public static class SubmissionTimes
{
    public static IReadOnlyDictionary<string, DateTimeOffset> Read(string path)
    {
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            var student = comma < 0 ? line : line[..comma].Trim().Trim('"');
            var text = comma < 0 ? "" : line[(comma + 1)..].Trim().Trim('"');
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                times[student] = at;
            }
            else if (i > 0 || comma < 0)
            {
                throw new FormatException($"{path}({i + 1}): expected 'student,timestamp' with an ISO 8601 time, found '{line}'");
            }
        }

        return times;
    }
}
