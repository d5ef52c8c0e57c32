using System.Globalization;

namespace Autograder.Grader.Execution;

/// <summary>
/// CPU seconds used so far by a process and every process below it (bubblewrap, prlimit, the worker), from
/// Linux's /proc; null where that is not available. Time limits count CPU time, not wall time, so a
/// submission is not timed out because the grading machine is busy with other work.
/// </summary>
internal static class ProcessTreeCpu
{
    // USER_HZ: /proc reports times in 1/100 s on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100.0;

    public static double? Seconds(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var total = 0.0;
            var pending = new Stack<int>([pid]);
            var seen = new HashSet<int>();
            while (pending.TryPop(out var current))
            {
                if (!seen.Add(current) || !File.Exists($"/proc/{current}/stat"))
                {
                    continue;
                }

                var stat = File.ReadAllText($"/proc/{current}/stat");
                // After "pid (comm) ", field 3 (state) is index 0: utime (14) and stime (15) are 11 and 12.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
                foreach (var task in Directory.EnumerateDirectories($"/proc/{current}/task"))
                {
                    var children = Path.Combine(task, "children");
                    foreach (var child in File.Exists(children) ? File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
                    {
                        pending.Push(int.Parse(child, CultureInfo.InvariantCulture));
                    }
                }
            }

            return total;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
