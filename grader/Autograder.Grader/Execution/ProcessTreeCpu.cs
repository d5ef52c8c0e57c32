using System.Diagnostics;
using System.Globalization;

namespace Autograder.Grader.Execution;

/// <summary>
/// CPU seconds used so far by a process and every process below it (bubblewrap, prlimit, the worker), from
/// Linux's /proc; null where that is not available. Time limits count CPU time, not wall time, so a
/// submission is not timed out because the grading machine is busy with other work.
/// </summary>
/// <remarks>
/// Finding the tree means reading the <c>children</c> file of every thread of every process in it (about 25
/// files for a worker), 0.36-0.4 ms a time on the 2-core VM; an accuracy check reads the CPU time three
/// times per training step. So the tree found is kept and only the processes' <c>stat</c> files are read,
/// and the tree is walked again when <see cref="RewalkAfter"/> has passed or one of its processes is gone. In the full sandbox the worker cannot start
/// processes (seccomp allows only threads), so the kept tree is the whole tree; without it, a process the
/// student starts is counted from the next walk on (its CPU time from its start, as <c>stat</c> reports it).
/// </remarks>
internal sealed class ProcessTreeCpu(int rootPid)
{
    // USER_HZ: /proc reports times in 1/100 s on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100.0;

    /// <summary>How long a walked tree is trusted before it is walked again.</summary>
    internal static readonly TimeSpan RewalkAfter = TimeSpan.FromMilliseconds(250);

    private int[] _tree = [];
    private long _walkedAt;

    /// <summary>How many times the tree has been walked (tests).</summary>
    internal int Walks { get; private set; }

    /// <summary>The CPU seconds of the process tree, or null where /proc cannot be read.</summary>
    public double? Seconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            if (_tree.Length > 0 && Stopwatch.GetElapsedTime(_walkedAt) < RewalkAfter)
            {
                var total = 0.0;
                foreach (var pid in _tree)
                {
                    if (Ticks(pid) is not { } ticks)
                    {
                        return Walk();
                    }

                    total += ticks;
                }

                return total / TicksPerSecond;
            }

            return Walk();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>One walk from the root: every process's CPU time, and the tree kept for the next reads.</summary>
    private double? Walk()
    {
        var total = 0L;
        var tree = new List<int>();
        var pending = new Stack<int>([rootPid]);
        var seen = new HashSet<int>();
        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current) || Ticks(current) is not { } ticks)
            {
                continue;
            }

            total += ticks;
            tree.Add(current);
            foreach (var task in Directory.EnumerateDirectories($"/proc/{current}/task"))
            {
                var children = Path.Combine(task, "children");
                foreach (var child in File.Exists(children) ? File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
                {
                    pending.Push(int.Parse(child, CultureInfo.InvariantCulture));
                }
            }
        }

        Walks++;
        _tree = [.. tree];
        _walkedAt = Stopwatch.GetTimestamp();
        return tree.Count == 0 ? null : total / TicksPerSecond;
    }

    /// <summary>utime + stime of one process (all its threads), or null when it is gone.</summary>
    private static long? Ticks(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        // After "pid (comm) ", field 3 (state) is index 0: utime (14) and stime (15) are 11 and 12.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
