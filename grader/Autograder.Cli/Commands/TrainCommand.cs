using System.CommandLine;
using System.Globalization;
using NeuralNet.Data;
using NeuralNet.Experiments;
using NeuralNet.Training;
using NeuralNet.Transformer;
using Spectre.Console;

namespace Autograder.Cli;

/// <summary>
/// `autograder train &lt;experiment.yaml&gt; [--out DIR] [--epochs N] [--quick] [--max-steps N]`: runs an
/// experiment file (every value of a sweep) and writes one JSON log per run, named as the handout names it.
/// A transformer experiment (reference/experiments/transformer/*.yaml) goes to <see cref="TransformerTrain"/>.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var experiment = new Argument<string>("experiment") { Description = "Experiment YAML file, e.g. reference/experiments/hw3-fashion-mlp/mlp_lr0.01_b5.yaml." };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the JSON logs.", DefaultValueFactory = _ => "." };
        var epochs = new Option<int?>("--epochs") { Description = "Override the experiment's number of epochs." };
        var quick = new Option<bool>("--quick") { Description = $"Smoke run: {RunSettings.QuickBatches} batches per epoch, at most {RunSettings.QuickEpochs} epochs, {RunSettings.QuickEvaluationExamples} examples per evaluation." };
        var maxSteps = new Option<int?>("--max-steps") { Description = $"Transformer experiments: run at most N optimisation steps (a smoke run; --quick means {TransformerTrain.QuickSteps})." };
        var data = new Option<string?>("--data") { Description = $"Data folder (default: ${DataStore.EnvironmentVariable}, else the data/ folder above the current one)." };
        var command = new Command("train", "Train a network as an experiment file describes and write its log.") { experiment, output, epochs, quick, maxSteps, data };
        var handout = ExperimentOverrides.Flags.Select(flag => new Option<string?>(flag) { Description = Describe(flag) }).ToList();
        handout.ForEach(command.Options.Add);
        command.SetAction(result => Run(
            result.GetValue(experiment)!,
            result.GetValue(output)!,
            new RunSettings { Epochs = result.GetValue(epochs), Quick = result.GetValue(quick) },
            result.GetValue(data),
            AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected,
            result.GetValue(maxSteps),
            handout.Where(o => result.GetValue(o) is not null).ToDictionary(o => o.Name, o => result.GetValue(o)!)));
        return command;
    }

    private static string Describe(string flag) => flag switch
    {
        "--learning_rate" => "The handout's flag: override optimizer.learning_rate (renames a run named like MLP_lr0.01_m0.0_w0.0_d0.0).",
        "--alpha" => "The handout's flag: override optimizer.momentum.",
        "--lambda" => "The handout's flag: override optimizer.weight_decay.",
        "--dropout_rate" => "The handout's flag: override model.dropout.",
        "--random_seed" => "The handout's flag: override the seed.",
        "--num_epoch" => "The handout's flag: override training.epochs.",
        "--minibatch_size" => "The handout's flag: override training.batch_size.",
        _ => flag,
    };

    /// <summary>Runs every experiment of a file; returns the exit code (0 ok, 1 failed run, 2 bad input).</summary>
    internal static int Run(string experimentPath, string outDir, RunSettings settings, string? dataDir, bool interactive, int? maxSteps = null, IReadOnlyDictionary<string, string>? overrides = null)
    {
        overrides ??= new Dictionary<string, string>();
        if (File.Exists(experimentPath) && TransformerExperimentConfig.IsTransformerExperiment(File.ReadAllText(experimentPath)))
        {
            if (overrides.Count > 0)
            {
                Console.Error.WriteLine($"train: {string.Join(", ", overrides.Keys)}: {experimentPath} is a transformer experiment; the handout's flags override epoch-based experiments only");
                return 2;
            }

            return TransformerTrain.Run(experimentPath, outDir, maxSteps, settings.Quick, settings.Epochs, dataDir, Console.Out, Console.Error);
        }

        IReadOnlyList<ExperimentConfig> runs;
        try
        {
            if (maxSteps is not null)
            {
                throw new ExperimentConfigException($"--max-steps: {experimentPath} is not a transformer experiment; its runs count epochs (use --epochs N or --quick)");
            }

            if (settings.Epochs is < 1)
            {
                throw new ExperimentConfigException($"--epochs: expected at least 1, found {settings.Epochs}");
            }

            runs = [.. ExperimentLoader.LoadFile(experimentPath).Select(c => ExperimentOverrides.Apply(c, overrides))];
        }
        catch (Exception e) when (e is ExperimentConfigException or ArgumentException)
        {
            Console.Error.WriteLine($"train: {e.Message}");
            return 2;
        }

        var cache = new Dictionary<string, DataSplits>();
        foreach (var config in runs)
        {
            try
            {
                if (!cache.TryGetValue(config.Data.Dataset, out var splits))
                {
                    splits = DataStore.Load(config.Data.Dataset, dataDir);
                    cache[config.Data.Dataset] = splits;
                }

                var log = RunOne(config, splits, settings, interactive);
                var path = TrainingLogJson.Write(log, outDir);
                Console.WriteLine(Summary(log, path));
                if (TrainingLogJson.Divergence(log) is { } diverged)
                {
                    Console.Error.WriteLine($"train: {config.Name}: the run diverged ({diverged}); the log is written with those values");
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or NotSupportedException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"train: {config.Name}: {e.Message}");
                return 1;
            }
        }

        return 0;
    }

    private static TrainingLog RunOne(ExperimentConfig config, DataSplits splits, RunSettings settings, bool interactive)
    {
        var effective = ExperimentRunner.Effective(config, settings);
        Console.WriteLine($"{config.Name}: {config.Model.Type}, {config.Optimizer.Type} lr {F(config.Optimizer.LearningRate)}, batch {config.Training.BatchSize}, {effective.Training.Epochs} epochs{(settings.Quick ? " (quick)" : "")}");
        // NeuralNet.Core's step code is compiled on the other core while the checks run (StepWarmUp; docs/performance.md).
        var runner = new ExperimentRunner { WarmUpSteps = ExperimentRunner.TrainingWarmUpSteps };
        runner.ChecksCompleted += (_, report) => PrintChecks(report);
        if (!interactive)
        {
            runner.EpochCompleted += (_, e) => Console.WriteLine(EpochLine(e, effective.Training.Epochs));
            return runner.Run(config, splits, settings);
        }

        TrainingLog? log = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask? task = null;
                runner.BatchCompleted += (_, p) =>
                {
                    task ??= ctx.AddTask($"epoch {p.Epoch}/{p.Epochs}", maxValue: p.Batches);
                    task.Value = p.Batch;
                };
                runner.EpochCompleted += (_, e) =>
                {
                    if (task is not null)
                    {
                        task.Description = Markup.Escape(EpochLine(e, effective.Training.Epochs));
                        task.StopTask();
                    }

                    task = null;
                };
                log = runner.Run(config, splits, settings);
            });
        return log!;
    }

    // HW3 3.1.5's printout: "Check the gradient of W in the L1 layer from backpropagation: ... and from approximation: ...".
    private static void PrintChecks(ChecksReport report)
    {
        foreach (var c in report.Gradients)
        {
            Console.WriteLine($"Check the gradient of {c.Parameter} in the {c.Layer} layer from backpropagation: {F6(c.Backpropagation)} and from approximation: {F6(c.Approximation)}");
        }

        if (report.Magnitudes.Count > 0)
        {
            var parts = report.Magnitudes.Select(m => $"batch size {m.BatchSize}: {F6(m.L1Norm)}");
            Console.WriteLine($"Check the magnitude of the l1 norm of the gradient of W in the L1 layer with {string.Join(", and with ", parts)}");
        }
    }

    private static string EpochLine(EpochResult e, int epochs) =>
        $"epoch {e.Epoch}/{epochs}: train acc {e.TrainAccuracy:F4} loss {e.TrainLoss:F4} | val acc {e.ValAccuracy:F4} loss {e.ValLoss:F4}"
        + (e.TestAccuracy is { } t ? $" | test acc {t:F4}" : "")
        + $" | {e.Seconds:F2} s";

    private static string Summary(TrainingLog log, string path)
    {
        var stopped = log.EarlyStopped ? $", stopped early at epoch {log.StopEpoch}" : "";
        var extra = log.TestSets is null ? "" : " | " + string.Join(", ", log.TestSets.Select(kv => $"{kv.Key} {kv.Value:F4}"));
        return $"{log.Name}: best epoch {log.BestEpoch} (val {log.Val[log.BestEpoch - 1]:F4}){stopped}, test accuracy {log.Test:F4}{extra}; wrote {path}";
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string F6(double v) => v.ToString("F6", CultureInfo.InvariantCulture);
}
