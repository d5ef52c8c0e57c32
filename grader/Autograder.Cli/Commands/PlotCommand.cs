using System.CommandLine;
using NeuralNet.Experiments;
using NeuralNet.Transformer;
using ScottPlot;

namespace Autograder.Cli;

/// <summary>
/// `autograder plot &lt;log.json&gt;... -o curves.png [--metric accuracy|loss] [--split ...]`: learning
/// curves of one run (train/validation/test with a marker where early stopping fired, HW3 3.1.6 and 3.3)
/// or of several runs on one figure (HW3 3.4's five momentum curves, HW6's dropout comparison). Transformer
/// loss logs (they have eval_steps) are drawn by <see cref="Run.TransformerPlot"/> against the step.
/// </summary>
internal static class PlotCommand
{
    /// <summary>Curve colours, one per run (Tableau 10), readable on white and for most colour-blind readers.</summary>
    internal static readonly string[] Palette = Run.Plotter.Palette;

    public static Command Create()
    {
        var logs = new Argument<string[]>("logs") { Description = "Training logs written by `autograder train` (or metrics files of HW5's neuralnet, with --metric loss).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "PNG file to write.", Required = true };
        var metric = new Option<string?>("--metric") { Description = "Accuracy or loss (default: accuracy; loss for transformer logs, which have only losses); with --against, accuracy (test) or time (training seconds)." };
        metric.AcceptOnlyFromAmong("accuracy", "loss", "time");
        var against = new Option<string?>("--against") { Description = "Draw one point per log against a setting: batch_size (HW3 3.2; test accuracy or training time) or hidden_units (HW5 1 (a); metrics files named hidden<N>_metrics.txt, last-epoch cross-entropy)." };
        against.AcceptOnlyFromAmong("batch_size", "hidden_units");
        var split = new Option<string?>("--split") { Description = "Train, val, test or all (default: all for one log; val for accuracy and train for loss with several)." };
        split.AcceptOnlyFromAmong("train", "val", "test", "all");
        var title = new Option<string?>("--title") { Description = "Figure title (default: from the logs)." };
        var command = new Command("plot", "Plot learning curves from training logs.") { logs, output, metric, split, title, against };
        command.SetAction(result =>
        {
            try
            {
                var files = result.GetValue(logs)!;
                var transformer = files.Where(Run.TransformerPlot.IsTransformerLog).ToList();
                if (transformer.Count > 0 && transformer.Count < files.Length)
                {
                    throw new ArgumentException($"{files.Except(transformer).First()} is a course training log and {transformer[0]} a transformer loss log; plot them separately");
                }

                if (files.FirstOrDefault(Run.MetricsFile.Is) is { } metrics && result.GetValue(metric) != "loss" && result.GetValue(against) != "hidden_units")
                {
                    throw new ArgumentException($"{metrics} is a metrics file of HW5's neuralnet, which holds cross-entropy only; add --metric loss");
                }

                if (result.GetValue(against) == "hidden_units")
                {
                    Console.WriteLine($"plot: wrote {Run.Plotter.RenderHiddenUnits(files, result.GetValue(output)!, result.GetValue(title))}");
                    return 0;
                }

                if (result.GetValue(against) is not null)
                {
                    if (transformer.Count > 0 || files.Any(Run.MetricsFile.Is) || result.GetValue(split) is not null)
                    {
                        throw new ArgumentException("--against batch_size draws course training logs' test accuracy or time; it takes no --split, transformer logs or metrics files");
                    }

                    var sweep = Run.Plotter.RenderSweep(files.Select(TrainingLogJson.Read).ToList(), result.GetValue(output)!, result.GetValue(metric) ?? "accuracy", result.GetValue(title));
                    Console.WriteLine($"plot: wrote {sweep}");
                    return 0;
                }

                if (result.GetValue(metric) == "time")
                {
                    throw new ArgumentException("--metric time draws training time against batch size; add --against batch_size");
                }

                var path = transformer.Count > 0
                    ? Run.TransformerPlot.Render(files.Select(TransformerRunLog.Read).ToList(), result.GetValue(output)!, result.GetValue(metric), result.GetValue(split), result.GetValue(title))
                    : Render(files.Select(f => Run.MetricsFile.Is(f) ? Run.MetricsFile.Read(f) : TrainingLogJson.Read(f)).ToList(), result.GetValue(output)!, result.GetValue(metric) ?? "accuracy", result.GetValue(split), result.GetValue(title));
                Console.WriteLine($"plot: wrote {path}");
                return 0;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"plot: {e.Message}");
                return e is FileNotFoundException or InvalidDataException ? 2 : 1;
            }
        });
        return command;
    }

    /// <summary>Draws the figure as the kit's run tool does (<see cref="Run.Plotter"/>, one shared source).</summary>
    /// <returns>the full path written</returns>
    internal static string Render(IReadOnlyList<TrainingLog> logs, string output, string metric, string? split, string? title) =>
        Run.Plotter.Render(logs, output, metric, split, title);
}
