using NeuralNet.Data;
using NeuralNet.Experiments;
using NeuralNet.Training;
#if TRANSFORMER
using NeuralNet.Transformer;
#endif
using Run;

// dotnet run --project tools/Run -- train experiments/<file>.yaml [--quick] [--out runs]   (--quick: runs/quick/)
//   [--learning_rate X] [--alpha X] [--lambda X] [--dropout_rate X] [--random_seed N] [--num_epoch N] [--minibatch_size N]: the handout's flags override the file
// dotnet run --project tools/Run -- plot runs/<name>.json [more logs...] [--loss] [--split train|val|test|all] [--title T] [--out plot.png]
// dotnet run --project tools/Run -- plot runs/<b5>.json runs/<b50>.json ... --against batch_size [--time] [--out plot.png]   (HW3 3.2)
var options = args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToHashSet();
var outIndex = Array.IndexOf(args, "--out");
var outPath = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
var valued = new[] { "--out", "--split", "--title", "--against" }.Concat(ExperimentOverrides.Flags).ToArray();
var files = args.Skip(1).Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && !valued.Contains(args[i])).ToList();

string? Value(string option)
{
    var at = Array.IndexOf(args, option);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

switch (args.FirstOrDefault())
{
#if TRANSFORMER
    case "train" when files.Count == 1 && TransformerRun.Is(files[0]):
        return TransformerRun.Train(files[0], options.Contains("--quick"), outPath);
#endif
    case "train" when files.Count == 1:
        IReadOnlyList<ExperimentConfig> configs;
        try
        {
            // The handout's flags (--alpha 0.9, --dropout_rate 0.5, ...) override the file's values.
            var overrides = ExperimentOverrides.Flags.Where(f => Value(f) is not null).ToDictionary(f => f, f => Value(f)!);
            configs = [.. ExperimentLoader.LoadFile(files[0]).Select(c => ExperimentOverrides.Apply(c, overrides))];
        }
        catch (Exception e) when (e is ExperimentConfigException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"train: {e.Message}");
            Console.Error.WriteLine($"The experiments of this kit are in experiments/: {string.Join(", ", Directory.Exists("experiments") ? Directory.GetFiles("experiments", "*.y*ml").Select(Path.GetFileName).Order(StringComparer.Ordinal) : [])}");
            return 2;
        }

        var quick = options.Contains("--quick");
        // A --quick run never replaces a full run's log: the grader (and pack) want the full one.
        var logFolder = outPath ?? (quick ? Path.Combine("runs", "quick") : "runs");
        foreach (var config in configs)
        {
            // While the checks run, NeuralNet.Core's own step code (not your modules') is compiled on the other core,
            // so the first epoch does not compile it; your run's results are the same with or without it.
            var runner = new ExperimentRunner { WarmUpSteps = ExperimentRunner.TrainingWarmUpSteps };
            var replaySeconds = ReplayBudget(config.Name);
            runner.EpochCompleted += (_, e) =>
            {
                Console.WriteLine(Epoch(e));
                if (e.Epoch == 1 && replaySeconds is { } budget && !quick)
                {
                    // The grader re-runs this first epoch with the code you submit and compares it with the log.
                    Console.WriteLine(e.Seconds > budget / 2
                        ? $"  warning: the grader re-runs epoch 1 of {config.Name} with your submitted code within {budget:0} s of CPU time, and this epoch took {e.Seconds:0.0} s; make it faster (Tensor.MatMul instead of loops) or the log item times out"
                        : $"  (the grader re-runs epoch 1 of {config.Name} with your submitted code within {budget:0} s of CPU time and compares it with this log; this epoch took {e.Seconds:0.0} s)");
                }
            };
            Console.WriteLine($"{config.Name}: {config.Description}");
            TrainingLog log;
            try
            {
                log = runner.Run(config, DataStore.Load(config.Data.Dataset), new RunSettings { Quick = quick });
            }
            catch (NotImplementedException e) when (e.Message.StartsWith("TODO(", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"not implemented yet: {e.Message}");
                Console.Error.WriteLine("Finish that part (dotnet test shows which parts pass) before running the experiments.");
                return 1;
            }

            Console.WriteLine($"{config.Name}: test accuracy {log.Test:0.0000}; log written to {TrainingLogJson.Write(log, logFolder)}{(quick ? " (a --quick smoke run: pack takes the full run's log from runs/)" : "")}");
            if (TrainingLogJson.Divergence(log) is { } diverged)
            {
                Console.Error.WriteLine($"{config.Name}: the run diverged ({diverged}); the log keeps the values, and the grader fails a log that diverged. Check your backward pass and optimizer step (dotnet test), then train again.");
            }
        }

        return 0;
    case "plot" when files.Count >= 1:
        if (files.FirstOrDefault(f => !File.Exists(f)) is { } absent)
        {
            Console.Error.WriteLine($"plot: {absent} does not exist; train first (`dotnet run --project tools/Run -- train experiments/<file>.yaml` writes runs/<name>.json)");
            return 2;
        }

        if (files.Any(MetricsFile.Is) && !options.Contains("--loss") && Value("--against") != "hidden_units")
        {
            Console.Error.WriteLine($"plot: {files.First(MetricsFile.Is)} is a metrics file, which holds cross-entropy only; add --loss");
            return 2;
        }

        try
        {
#if TRANSFORMER
            if (files.Any(TransformerPlot.IsTransformerLog))
            {
                if (!files.All(TransformerPlot.IsTransformerLog))
                {
                    Console.Error.WriteLine($"plot: {files.First(f => !TransformerPlot.IsTransformerLog(f))} is a course training log and {files.First(TransformerPlot.IsTransformerLog)} a transformer loss log; plot them separately");
                    return 2;
                }

                Console.WriteLine($"plot written to {TransformerPlot.Render(files.Select(TransformerRunLog.Read).ToList(), outPath ?? "plot.png", "loss", Value("--split"), Value("--title"))}");
                return 0;
            }
#endif
            if (Value("--against") is "hidden_units")
            {
                Console.WriteLine($"plot written to {Plotter.RenderHiddenUnits(files, outPath ?? "plot.png", Value("--title"))}");
                return 0;
            }

            if (Value("--against") is { } against)
            {
                if (against != "batch_size")
                {
                    Console.Error.WriteLine($"plot: --against takes batch_size or hidden_units, found {against}");
                    return 2;
                }

                Console.WriteLine($"plot written to {Plotter.RenderSweep(files.Select(TrainingLogJson.Read).ToList(), outPath ?? "plot.png", options.Contains("--time") ? "time" : "accuracy", Value("--title"))}");
                return 0;
            }

            var path = Plotter.Render(files.Select(f => MetricsFile.Is(f) ? MetricsFile.Read(f) : TrainingLogJson.Read(f)).ToList(), outPath ?? "plot.png", options.Contains("--loss") ? "loss" : "accuracy", Value("--split"), Value("--title"));
            Console.WriteLine($"plot written to {path}");
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            Console.Error.WriteLine($"plot: {e.Message}");
            return 2;
        }
    default:
        Console.Error.WriteLine("usage: dotnet run --project tools/Run -- train experiments/<file>.yaml [--quick] [--out runs]");
        Console.Error.WriteLine("       dotnet run --project tools/Run -- plot runs/<name>.json [more logs...] [--loss] [--split train|val|test|all] [--title T] [--out plot.png]");
        Console.Error.WriteLine("       dotnet run --project tools/Run -- plot runs/<name>.json [more logs...] --against batch_size [--time] [--out plot.png]   (test accuracy or training time per batch size)");
        Console.Error.WriteLine("       dotnet run --project tools/Run -- plot <metrics file>.txt ... --loss   (HW5's neuralnet metrics: cross-entropy per epoch)");
        Console.Error.WriteLine("       dotnet run --project tools/Run -- plot hidden5_metrics.txt hidden20_metrics.txt ... --against hidden_units   (HW5 1 (a): last-epoch cross-entropy per hidden units)");
        return 2;
}

static string Epoch(EpochResult e) =>
    $"  epoch {e.Epoch,3}: train acc {e.TrainAccuracy:0.0000} loss {e.TrainLoss:0.0000} | val acc {e.ValAccuracy:0.0000} loss {e.ValLoss:0.0000} | {e.Seconds:0.0} s";

// The grader's CPU budget for re-running this run's first epoch (kit.json's graded logs), or null when it does not re-run it.
static double? ReplayBudget(string name)
{
    var kit = Path.Combine(Directory.GetCurrentDirectory(), "kit.json");
    if (!File.Exists(kit))
    {
        return null;
    }

    using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(kit));
    return json.RootElement.TryGetProperty("logs", out var logs)
        ? logs.EnumerateArray()
            .Where(l => l.GetProperty("file").GetString() == name + ".json" && l.TryGetProperty("replaySeconds", out var s) && s.ValueKind == System.Text.Json.JsonValueKind.Number)
            .Select(l => (double?)l.GetProperty("replaySeconds").GetDouble())
            .FirstOrDefault()
        : null;
}
