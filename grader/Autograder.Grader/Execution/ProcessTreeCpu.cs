using System.Diagnostics;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

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
/// The kept processes' <c>stat</c> files stay open and are read again from their start (the kernel writes them
/// afresh on each read from offset 0): every request reads the tree's time three times, and opening, reading
/// and closing the files as text was about 3 % of a batch's CPU (docs/performance.md, "Batch-grading a class").
/// An open file also keeps naming the process it was opened for: once that process is gone, reading it fails
/// (ESRCH) even if its pid is reused, and the tree is walked again.
/// </remarks>
internal sealed class ProcessTreeCpu(int rootPid) : IDisposable
{
    // USER_HZ: /proc reports times in 1/100 s on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100.0;

    /// <summary>How long a walked tree is trusted before it is walked again.</summary>
    internal static readonly TimeSpan RewalkAfter = TimeSpan.FromMilliseconds(250);

    // A stat line is "pid (comm) " and 50 numbers: well under 1 KB (comm is at most 64 bytes).
    private readonly byte[] _buffer = new byte[4096];
    private SafeFileHandle[] _tree = [];
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

        // One reader at a time: the kept files and the buffer are this instance's.
        lock (_buffer)
        {
            return Read();
        }
    }

    private double? Read()
    {
        try
        {
            if (_tree.Length > 0 && Stopwatch.GetElapsedTime(_walkedAt) < RewalkAfter)
            {
                var total = 0L;
                foreach (var stat in _tree)
                {
                    if (Ticks(stat) is not { } ticks)
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

    /// <summary>Closes the kept processes' files.</summary>
    public void Dispose()
    {
        lock (_buffer)
        {
            Keep([]);
        }
    }

    /// <summary>One walk from the root: every process's CPU time, and the tree (its open stat files) kept for the next reads.</summary>
    private double? Walk()
    {
        var total = 0L;
        var tree = new List<SafeFileHandle>();
        var pending = new Stack<int>([rootPid]);
        var seen = new HashSet<int>();
        try
        {
            while (pending.TryPop(out var current))
            {
                if (!seen.Add(current) || Open(current) is not { } stat)
                {
                    continue;
                }

                if (Ticks(stat) is not { } ticks)
                {
                    stat.Dispose();
                    continue;
                }

                total += ticks;
                tree.Add(stat);
                foreach (var task in Directory.EnumerateDirectories($"/proc/{current}/task"))
                {
                    var children = Path.Combine(task, "children");
                    foreach (var child in File.Exists(children) ? File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
                    {
                        pending.Push(int.Parse(child, CultureInfo.InvariantCulture));
                    }
                }
            }
        }
        catch
        {
            tree.ForEach(stat => stat.Dispose());
            throw;
        }

        Walks++;
        Keep([.. tree]);
        _walkedAt = Stopwatch.GetTimestamp();
        return tree.Count == 0 ? null : total / TicksPerSecond;
    }

    private void Keep(SafeFileHandle[] tree)
    {
        foreach (var stat in _tree)
        {
            stat.Dispose();
        }

        _tree = tree;
    }

    /// <summary>The process's open <c>stat</c> file, or null when it is gone.</summary>
    private static SafeFileHandle? Open(int pid)
    {
        try
        {
            return File.OpenHandle($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>utime + stime of one process (all its threads) read from its open <c>stat</c> file, or null when it is gone.</summary>
    private long? Ticks(SafeFileHandle stat)
    {
        int length;
        try
        {
            length = RandomAccess.Read(stat, _buffer, fileOffset: 0);
        }
        catch (IOException)
        {
            return null; // ESRCH: the process this file was opened for has exited and been reaped
        }

        if (length == 0)
        {
            return null;
        }

        // After "pid (comm) ", field 3 (state) is index 0: utime (14) and stime (15) are 11 and 12.
        ReadOnlySpan<byte> line = _buffer.AsSpan(0, length);
        var close = line.LastIndexOf((byte)')');
        if (close < 0 || close + 2 > line.Length)
        {
            throw new FormatException($"unexpected /proc stat line: '{System.Text.Encoding.ASCII.GetString(line)}'");
        }

        line = line[(close + 2)..];
        long ticks = 0;
        for (var field = 0; field <= 12; field++)
        {
            var end = line.IndexOf((byte)' ');
            var value = end < 0 ? line : line[..end];
            if (field >= 11)
            {
                ticks += long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            line = end < 0 ? [] : line[(end + 1)..];
        }

        return ticks;
    }
}
