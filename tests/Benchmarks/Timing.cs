using System.Diagnostics;

namespace Benchmarks;

/// <summary>
/// Wall-clock timing with warm-up (JIT tiering) and the median of many samples, plus the CPU time spent,
/// which stays meaningful when other processes compete for the cores.
/// </summary>
internal static class Timing
{
    /// <summary>
    /// Median seconds per call of <paramref name="action"/>: first called for at least <paramref name="warmupSeconds"/>
    /// (tier-1 JIT needs 30 calls and a ~100 ms back-off), then timed in <paramref name="samples"/> samples of enough
    /// calls each to last about <paramref name="sampleSeconds"/>, so microsecond calls are not lost in timer noise.
    /// </summary>
    /// <returns>the median wall seconds per call, and the process CPU seconds per call (all threads) over the timed samples</returns>
    public static (double Median, double CpuPerCall) MedianSeconds(Action action, double warmupSeconds, int samples, double sampleSeconds)
    {
        var clock = Stopwatch.StartNew();
        var calls = 0;
        while (clock.Elapsed.TotalSeconds < warmupSeconds || calls < 3)
        {
            action();
            calls++;
        }

        var perCall = clock.Elapsed.TotalSeconds / calls;
        var reps = Math.Max(1, (int)Math.Ceiling(sampleSeconds / Math.Max(perCall, 1e-9)));
        var times = new double[samples];
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        for (var s = 0; s < samples; s++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var r = 0; r < reps; r++)
            {
                action();
            }

            times[s] = Stopwatch.GetElapsedTime(start).TotalSeconds / reps;
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds / ((double)samples * reps);
        Array.Sort(times);
        var median = samples % 2 == 1 ? times[samples / 2] : (times[samples / 2 - 1] + times[samples / 2]) / 2;
        return (median, cpu);
    }
}
