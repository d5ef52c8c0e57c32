using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Autograder.Grader.Batch;
using Autograder.Grader.Examples;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;

namespace Benchmarks;

/// <summary>
/// Batch-grades a generated class (default 200 submissions of hw3-fashion-mlp) and prints one JSON
/// line: total wall time, time per submission, statuses, and the time of an immediate re-run (all
/// cached). The class mixes correct submissions (the reference's files), buggy ones (ReLU gradient at
/// 0, bias gradient not summed, SGD sign), unimplemented ones, and broken ones (compile error, infinite
/// loop, a zip that is not a zip, an empty folder), plus every golden variant under tests/Golden/&lt;id&gt;/ (materialised over the reference).
/// Each submission carries its student id in a comment, so each has its own content hash and seed.
/// <c>dotnet run -c Release --project tests/Benchmarks -- batch [--count 200] [--jobs 2] [--assignment hw3-fashion-mlp]</c>;
/// with <c>--write DIR</c> it only writes the class into DIR (a new folder), for timing <c>autograder batch</c> on it as an instructor runs it.
/// </summary>
internal static class BatchBenchmark
{
    private static readonly (string Name, string File, string From, string To)[] Mutations =
    [
        ("FailsReluBackward", "Layers/Relu.cs", "gradOutput.MultiplyByIndicator(x, 0.0)", "gradOutput * (x >= 0.0)"),
        ("FailsBiasGradient", "Layers/Linear.cs", "B.Grad = gradOutput.Sum(0, keepDims: true);", "B.Grad = gradOutput.Slice(0, 1).Contiguous();"),
        ("FailsSgdSign", "Optimizers/Sgd.cs", "p.Value.AddInPlace(p.Grad, -learningRate);", "p.Value.AddInPlace(p.Grad, learningRate);"),
        ("NotImplementedForward", "Layers/Linear.cs", "return x.MatMul(W.Value) + B.Value;", "throw new NotImplementedException(\"TODO(linear.forward)\");"),
        ("CompileError", "Layers/Relu.cs", "return x.Maximum(0.0);", "return x.Maximum(undefinedFloor);"),
        ("InfiniteLoopInForward", "Layers/Linear.cs", "return x.MatMul(W.Value) + B.Value;", "var spin = 0L; while (spin >= 0) { spin = (spin + 1) % 7; }\n        return x.MatMul(W.Value) + B.Value;"),
    ];

    // 20 slots: 8 correct, 6 buggy or unimplemented, 6 broken.
    private static readonly string[] Mix =
    [
        "PassesAll", "PassesAll", "PassesAll", "PassesAll", "PassesAll", "PassesAll", "PassesAll", "PassesAll",
        "FailsReluBackward", "FailsReluBackward", "FailsBiasGradient", "FailsBiasGradient", "FailsSgdSign", "NotImplementedForward",
        "CompileError", "CompileError", "InfiniteLoopInForward", "BadZip", "Empty", "Golden",
    ];

    public static int Run(ReadOnlySpan<string> args)
    {
        var count = 200;
        var jobs = Environment.ProcessorCount;
        var assignment = "hw3-fashion-mlp";
        string? write = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--count" when i + 1 < args.Length: count = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--jobs" when i + 1 < args.Length: jobs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--assignment" when i + 1 < args.Length: assignment = args[++i]; break;
                case "--quick": count = 20; break;
                case "--write" when i + 1 < args.Length: write = Path.GetFullPath(args[++i]); break;
                default: throw new ArgumentException($"batch: unknown option '{args[i]}' (expected --count N, --jobs N, --assignment ID, --quick, --write DIR)");
            }
        }

        var root = CourseRootFinder.TryFind(Environment.CurrentDirectory) ?? CourseRootFinder.TryFind(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException("batch: run from inside the repository");
        if (write is not null)
        {
            if (Directory.Exists(write) && Directory.EnumerateFileSystemEntries(write).Any())
            {
                throw new IOException($"batch: --write {write}: the folder exists and is not empty (expected a new or empty folder)");
            }

            var written = Generate(root, assignment, Directory.CreateDirectory(write).FullName, count);
            Console.WriteLine(JsonSerializer.Serialize(new { benchmark = "batch-class", assignment, submissions = count, folder = write, kinds = written }));
            return 0;
        }

        var work = Directory.CreateTempSubdirectory("batch-bench-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(work, "submissions")).FullName;
        var kinds = Generate(root, assignment, folder, count);
        var options = new BatchOptions(folder, Path.Combine(work, "out"), new GradeRequest("", assignment, root) { AllowUnsandboxed = true }) { Jobs = jobs };

        var first = BatchRunner.Run(options, p => Console.Error.WriteLine($"[{p.Done}/{p.Total}] {p.Student} {p.Score:0.##}/{p.MaxScore:0.##} {p.Status}"));
        var again = BatchRunner.Run(options);
        var statuses = first.Records.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            benchmark = "batch",
            assignment,
            submissions = first.Total,
            jobs,
            cores = Environment.ProcessorCount,
            total_seconds = Math.Round(first.Elapsed.TotalSeconds, 1),
            seconds_per_submission = Math.Round(first.Elapsed.TotalSeconds / Math.Max(1, first.Total), 2),
            rerun_all_cached_seconds = Math.Round(again.Elapsed.TotalSeconds, 2),
            rerun_cached = again.Cached,
            failures = first.Failures,
            statuses,
            kinds,
            sandbox = first.Records.Select(r => r.Result?.Sandbox).FirstOrDefault(s => s is not null),
        }));
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static Dictionary<string, int> Generate(string root, string assignment, string folder, int count)
    {
        var info = GradingPipeline.LoadAssignment(root, assignment);
        var library = Path.Combine(root, "reference", "NeuralNet");
        var reference = info.Files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(library, f)).ReplaceLineEndings("\n"), StringComparer.Ordinal);
        var goldenRoot = Path.Combine(root, "tests", "Golden", assignment);
        var golden = Directory.Exists(goldenRoot) ? Directory.GetDirectories(goldenRoot).Order(StringComparer.Ordinal).ToList() : [];
        var logs = ExampleSubmission.Logs(root, assignment).ToList();
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var student = $"student{i:000}";
            var kind = Mix[i % Mix.Length] is "Golden" && golden.Count == 0 ? "PassesAll" : Mix[i % Mix.Length];
            var dir = Path.Combine(folder, student);
            if (kind == "Golden")
            {
                var source = golden[i / Mix.Length % golden.Count];
                kind = "Golden/" + Path.GetFileName(source);
                ExampleSubmission.Materialise(root, info, source, dir);
            }
            else if (kind == "BadZip")
            {
                File.WriteAllBytes(dir + ".zip", "PK\u0003\u0004 truncated, not a zip"u8.ToArray());
            }
            else if (kind == "Empty")
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                var mutation = Mutations.FirstOrDefault(m => m.Name == kind);
                if (mutation.File is { } target && !reference[target].Contains(mutation.From, StringComparison.Ordinal))
                {
                    // A stale mutation would silently grade a correct submission under a bug's name.
                    throw new InvalidOperationException($"batch: the {kind} mutation expects '{mutation.From}' in reference/NeuralNet/{target}, which no longer contains it");
                }

                foreach (var (file, text) in reference)
                {
                    var edited = file == mutation.File ? text.Replace(mutation.From, mutation.To, StringComparison.Ordinal) : text;
                    Write(Path.Combine(dir, file), edited + $"\n// {student}\n");
                }

                logs.ForEach(l => File.Copy(l, Path.Combine(dir, Path.GetFileName(l))));
                if (i % 3 == 2)
                {
                    ZipFile.CreateFromDirectory(dir, dir + ".zip");
                    Directory.Delete(dir, recursive: true);
                }
            }

            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        return kinds;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
