using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Autograder.Grader.Execution;
using Autograder.Worker.Protocol;

namespace Benchmarks;

/// <summary>
/// <c>answers</c>: what a large answer costs, worker to host. Starts a sandboxed worker on the reference build, constructs
/// HW3's Linear(784, 128) and reads its weight matrix back (`get Value`, about 1 MB of base64 JSON, as the init check
/// does) <c>--runs</c> times (default 60) after ten warm-up reads; prints the median, spread and throughput.
/// </summary>
internal static class AnswerBenchmark
{
    public static int Run(ReadOnlySpan<string> args)
    {
        var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        var work = Directory.CreateTempSubdirectory("answer-bench-").FullName;
        try
        {
            var lib = Directory.CreateDirectory(Path.Combine(work, "lib")).FullName;
            var path = Path.Combine(lib, "NeuralNet.dll");
            File.Copy(typeof(NeuralNet.Layers.Linear).Assembly.Location, path);
            Autograder.Grader.Compilation.SubmissionCompiler.CopyDependencies(lib);
            using var session = new WorkerSession(WorkerLayout.Create(work, path), WorkerLimits.Default);
            var made = session.Execute(new WorkerRequest(0, "new", Type: "NeuralNet.Layers.Linear", Args: [new IntValue(784), new IntValue(128), new RngValue(7)], Bind: "m"));
            var weights = session.Execute(new WorkerRequest(0, "get", Target: "m", Member: "W", Bind: "w"));
            if (!made.Ok || !weights.Ok)
            {
                throw new InvalidOperationException($"the worker did not construct the layer: {made.Error?.Message ?? weights.Error?.Message}");
            }

            var times = new List<double>();
            WorkerResponse? last = null;
            for (var i = 0; i < runs + 10; i++)
            {
                var clock = Stopwatch.StartNew();
                var answer = session.Execute(new WorkerRequest(0, "get", Target: "w", Member: "Value"));
                var ms = clock.Elapsed.TotalMilliseconds;
                if (answer.Value is not TensorValue tensor || tensor.Values().Length != 784 * 128)
                {
                    throw new InvalidOperationException("the answer is not the 784 x 128 weight matrix");
                }

                last = answer;
                if (i >= 10)
                {
                    times.Add(ms);
                }
            }

            // The answer's size as the worker writes it (one line), measured once after the timed reads.
            using var line = new MemoryStream();
            WireJson.WriteAnswerLine(line, last!);
            var bytes = line.Length;
            times.Sort();
            var median = times[times.Count / 2];
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                benchmark = "answers",
                runs,
                answer_bytes = bytes,
                median_ms = Math.Round(median, 2),
                min_ms = Math.Round(times[0], 2),
                max_ms = Math.Round(times[^1], 2),
                mb_per_s = Math.Round(bytes / (median / 1000) / 1e6, 1),
                sandbox = session.Sandbox,
            }));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
