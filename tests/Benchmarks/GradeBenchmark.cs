using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Autograder.Grader.Examples;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;

namespace Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- grade [--assignment hw6-dnn-cnn] [--runs 3]</c>:
/// grades a full submission (the assignment's PassesAll golden: intake, compile, policy, worker, every
/// check) in this process and prints one JSON line per grading. Run 1 is cold (Roslyn and the grader
/// JIT-compile, the parsed library is cached afterwards); later runs grade a copy with a changed comment,
/// so they compile afresh and measure a batch's steady state; the last line regrades unchanged files
/// (the build cache). <c>checks_seconds</c> is the sum of the checks' own durations.
/// </summary>
internal static class GradeBenchmark
{
    public static int Run(ReadOnlySpan<string> args)
    {
        var assignment = "hw6-dnn-cnn";
        var runs = 3;
        var example = ExampleSubmission.PassesAll;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--assignment":
                    assignment = args[i + 1];
                    break;
                case "--example":
                    example = args[i + 1];
                    break;
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine($"grade: unknown option {args[i]}; use --assignment <id> [--example <name under tests/Golden/<id>>] --runs <n>");
                    return 2;
            }
        }

        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory) ?? throw new InvalidOperationException("run from the repository");
        var work = Directory.CreateTempSubdirectory("grade-bench-").FullName;
        try
        {
            // The golden is stored as an overlay over the reference: materialised once, then copied per run.
            var profile = GradingPipeline.LoadAssignment(root, assignment);
            var golden = ExampleSubmission.Materialise(root, profile, Path.Combine(root, "tests", "Golden", assignment, example), Path.Combine(work, "golden"));
            for (var run = 1; run <= runs; run++)
            {
                var submission = Copy(golden, Path.Combine(work, $"run{run}"), run);
                Measure(run == 1 ? "cold" : "warm", run, submission, assignment, root, example);
            }

            Measure("regrade", runs + 1, Path.Combine(work, $"run{runs}"), assignment, root, example);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Measure(string kind, int run, string submission, string assignment, string root, string example)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = GradingPipeline.Grade(new GradeRequest(submission, assignment, root) { Seed = 1, AllowUnsandboxed = true });
        var seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var checks = result.Items.SelectMany(i => i.Checks).Sum(c => c.DurationMs) / 1000;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "grade",
            assignment,
            example,
            run,
            kind,
            seconds = Math.Round(seconds, 3),
            checks_seconds = Math.Round(checks, 3),
            host_cpu_seconds = Math.Round((process.TotalProcessorTime - cpu).TotalSeconds, 3),
            score = result.Score,
            max_score = result.MaxScore,
            sandbox = result.Sandbox,
            error = result.GraderError,
        }));
    }

    /// <summary>The golden's files; each run's Layers/Linear.cs gets its own trailing comment so its build is not a cache hit.</summary>
    private static string Copy(string from, string to, int run)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var linear = Path.Combine(to, "Layers", "Linear.cs");
        File.AppendAllText(linear, $"// benchmark run {run}\n");
        return to;
    }
}
