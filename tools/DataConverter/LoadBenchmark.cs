using System.Diagnostics;
using NeuralNet.Data;

namespace DataConverter;

/// <summary>Times <see cref="DataStore.Load"/> (checksums, gunzip, scaling to doubles) and prints the measured figures.</summary>
internal static class LoadBenchmark
{
    public static void Run(string dataDirectory, int repeats, TextWriter log)
    {
        using var process = Process.GetCurrentProcess();
        foreach (string name in DataStore.Names)
        {
            DataStore.Load(name, dataDirectory); // warm-up: JIT and file cache
            var wall = new List<double>();
            var cpu = new List<double>();
            for (int r = 0; r < repeats; r++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var splits = DataStore.Load(name, dataDirectory);
                clock.Stop();
                process.Refresh();
                wall.Add(clock.Elapsed.TotalMilliseconds);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
                GC.KeepAlive(splits);
            }

            log.WriteLine(
                $"DataStore.Load(\"{name}\"): wall min {wall.Min():F0} ms, median {Median(wall):F0} ms; " +
                $"CPU min {cpu.Min():F0} ms, median {Median(cpu):F0} ms ({repeats} runs, {Environment.ProcessorCount} cores)");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
