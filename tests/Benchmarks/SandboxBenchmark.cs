using System.Diagnostics;
using System.Text.Json;
using Autograder.Grader.Execution;
using Autograder.Worker.Protocol;

namespace Benchmarks;

/// <summary>
/// <c>sandbox</c>: what the sandbox costs per worker. Starts a worker, loads the reference build and answers one
/// ping, <c>--runs</c> times (default 20) with bubblewrap and as many without (AUTOGRADER_SANDBOX=none), alternating;
/// prints the median and spread of each and their difference.
/// </summary>
internal static class SandboxBenchmark
{
    public static int Run(ReadOnlySpan<string> args)
    {
        var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
        if (SandboxLauncher.Unavailable is { } why)
        {
            Console.Error.WriteLine($"sandbox: the full sandbox is unavailable here ({why}); nothing to compare");
            return 2;
        }

        var library = typeof(NeuralNet.Tensor).Assembly.Location;
        var full = new List<double>();
        var none = new List<double>();
        for (var i = 0; i < runs + 1; i++)
        {
            var sandboxed = Once(library, sandbox: true);
            var plain = Once(library, sandbox: false);
            if (i > 0)
            {
                // The first pair warms the page cache and the grader's own code.
                full.Add(sandboxed);
                none.Add(plain);
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "sandbox-start",
            runs,
            full_ms = Summary(full),
            none_ms = Summary(none),
            overhead_ms = Math.Round(Median(full) - Median(none), 1),
            runtime = Environment.Version.ToString(),
            cores = Environment.ProcessorCount,
        }));
        return 0;
    }

    private static double Once(string library, bool sandbox)
    {
        var work = Directory.CreateTempSubdirectory("sandbox-bench-").FullName;
        var before = Environment.GetEnvironmentVariable("AUTOGRADER_SANDBOX");
        try
        {
            Environment.SetEnvironmentVariable("AUTOGRADER_SANDBOX", sandbox ? null : "none");
            var lib = Directory.CreateDirectory(Path.Combine(work, "lib")).FullName;
            var path = Path.Combine(lib, "NeuralNet.dll");
            File.Copy(library, path);
            var clock = Stopwatch.StartNew();
            using var session = new WorkerSession(WorkerLayout.Create(work, path), WorkerLimits.Default);
            var answer = session.Execute(new WorkerRequest(0, "ping"));
            var ms = clock.Elapsed.TotalMilliseconds;
            if (!answer.Ok || session.Sandbox != (sandbox ? "full" : "none"))
            {
                throw new InvalidOperationException($"the worker did not answer as expected (sandbox {session.Sandbox}, ok {answer.Ok})");
            }

            return ms;
        }
        finally
        {
            Environment.SetEnvironmentVariable("AUTOGRADER_SANDBOX", before);
            Directory.Delete(work, recursive: true);
        }
    }

    private static object Summary(List<double> values) => new { median = Math.Round(Median(values), 1), min = Math.Round(values.Min(), 1), max = Math.Round(values.Max(), 1) };

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
