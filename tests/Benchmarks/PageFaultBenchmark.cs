using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Benchmarks;

/// <summary>
/// What a first touch of fresh memory costs on this machine: maps 100 MB of anonymous memory outside the GC heap
/// (<see cref="NativeMemory"/>, which glibc serves with a fresh mapping at this size), writes one byte per 4 KB page,
/// and prints the time per minor fault; then the same with the mapping marked for transparent huge pages
/// (<c>madvise(MADV_HUGEPAGE)</c>, Linux; where THP is off or the call fails it says so). Every array a process
/// allocates beyond what it has already touched pays this, which is why the training GC settings and the step
/// collector keep reusing the same memory (docs/performance.md, "Page faults").
/// </summary>
internal static class PageFaultBenchmark
{
    private const int Megabytes = 100;
    private const int PageSize = 4096;
    private const int MadviseHugePage = 14;

    [DllImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static extern int Madvise(nint address, nuint length, int advice);

    public static unsafe int Run(ReadOnlySpan<string> args)
    {
        var rounds = args.Length > 1 && args[0] == "--rounds" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("page-faults: Linux only (reads /proc/self/stat)");
            return 2;
        }

        foreach (var huge in new[] { false, true })
        {
            for (var r = 0; r < rounds; r++)
            {
                var bytes = (nuint)Megabytes << 20;
                // Over-allocate by 2 MB and touch from the first 2 MB boundary, so a huge page can back each 2 MB range.
                var raw = (byte*)NativeMemory.Alloc(bytes + (2u << 20));
                var start = (byte*)(((nuint)raw + ((2u << 20) - 1)) & ~(nuint)((2u << 20) - 1));
                var advised = huge ? Madvise((nint)start, bytes, MadviseHugePage) == 0 : false;
                var faults = RuntimeInfo.MinorFaults();
                var clock = Stopwatch.StartNew();
                for (nuint i = 0; i < bytes; i += PageSize)
                {
                    start[i] = 1;
                }

                var ms = clock.Elapsed.TotalMilliseconds;
                faults = RuntimeInfo.MinorFaults() - faults;
                NativeMemory.Free(raw);
                var pages = Megabytes * (1 << 20) / PageSize;
                Console.WriteLine(
                    $"{{\"benchmark\":\"page-faults\",\"hugePages\":{(huge ? (advised ? "\"madvised\"" : "\"madvise failed\"") : "false")},\"megabytes\":{Megabytes},\"pages\":{pages},\"faults\":{faults},\"ms\":{ms:F1},\"microsecondsPer4KPage\":{ms * 1000 / pages:F2},\"microsecondsPerFault\":{(faults > 0 ? ms * 1000 / faults : 0):F2}}}");
            }
        }

        return 0;
    }
}
