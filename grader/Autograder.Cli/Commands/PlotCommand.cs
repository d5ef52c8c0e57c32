using System.CommandLine;
using NeuralNet.Experiments;
using NeuralNet.Transformer;
using ScottPlot;

namespace Autograder.Cli;

/// <summary>
/// `autograder plot &lt;log.json&gt;... -o curves.png [--metric accuracy|loss] [--split ...]`: learning
/// curves of one run (train/validation/test with a marker where early stopping fired, HW3 3.1.6 and 3.3)
/// or of several runs on one figure (HW3 3.4's five momentum curves, HW6's dropout comparison). Transformer
/// loss logs (they have eval_steps) are drawn by <see cref="TransformerPlot"/> against the step.
/// </summary>
internal static class PlotCommand
{
    /// <summary>Curve colours, one per run (Tableau 10), readable on white and for most colour-blind readers.</summary>
    internal static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static Command Create()
    {
        var logs = new Argument<string[]>("logs") { Description = "Training logs written by `autograder train`.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "PNG file to write.", Required = true };
        var metric = new Option<string?>("--metric") { Description = "Accuracy or loss (default: accuracy; loss for transformer logs, which have only losses)." };
        metric.AcceptOnlyFromAmong("accuracy", "loss");
        var split = new Option<string?>("--split") { Description = "Train, val, test or all (default: all for one log; val for accuracy and train for loss with several)." };
        split.AcceptOnlyFromAmong("train", "val", "test", "all");
        var title = new Option<string?>("--title") { Description = "Figure title (default: from the logs)." };
        var command = new Command("plot", "Plot learning curves from training logs.") { logs, output, metric, split, title };
        command.SetAction(result =>
        {
            try
            {
                var files = result.GetValue(logs)!;
                var transformer = files.Where(TransformerPlot.IsTransformerLog).ToList();
                if (transformer.Count > 0 && transformer.Count < files.Length)
                {
                    throw new ArgumentException($"{files.Except(transformer).First()} is a course training log and {transformer[0]} a transformer loss log; plot them separately");
                }

                var path = transformer.Count > 0
                    ? TransformerPlot.Render(files.Select(TransformerRunLog.Read).ToList(), result.GetValue(output)!, result.GetValue(metric), result.GetValue(split), result.GetValue(title))
                    : Render(files.Select(TrainingLogJson.Read).ToList(), result.GetValue(output)!, result.GetValue(metric) ?? "accuracy", result.GetValue(split), result.GetValue(title));
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

    /// <summary>Draws the figure and writes it as a 1000 x 600 PNG.</summary>
    /// <returns>the full path written</returns>
    internal static string Render(IReadOnlyList<TrainingLog> logs, string output, string metric, string? split, string? title)
    {
        if (logs.Count == 0)
        {
            throw new ArgumentException("expected at least one log");
        }

        var loss = metric == "loss";
        split ??= logs.Count == 1 ? "all" : loss ? "train" : "val";
        var plot = new Plot();
        for (var i = 0; i < logs.Count; i++)
        {
            AddRun(plot, logs[i], loss, split, Color.FromHex(Palette[i % Palette.Length]), logs.Count == 1);
        }

        plot.Title(title ?? DefaultTitle(logs, loss, split));
        plot.XLabel("epoch");
        plot.YLabel(loss ? "mean cross-entropy loss" : "accuracy");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.AutoScale();
        plot.ShowLegend(loss ? Alignment.UpperRight : Alignment.LowerRight);
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        plot.SavePng(full, 1000, 600);
        return full;
    }

    private static void AddRun(Plot plot, TrainingLog log, bool loss, string split, Color color, bool single)
    {
        var series = new List<(string Label, IReadOnlyList<double> Values, LinePattern Pattern, Color Color)>();
        if (split is "train" or "all")
        {
            series.Add(("train", loss ? log.TrainLoss : log.Train, LinePattern.Solid, single ? Color.FromHex(Palette[0]) : color));
        }

        if (split is "val" or "all")
        {
            series.Add(("validation", loss ? log.ValLoss : log.Val, single || split == "val" ? LinePattern.Solid : LinePattern.Dashed, single ? Color.FromHex(Palette[1]) : color));
        }

        if (split is "test" or "all" && !loss && log.TestCurve is { } test)
        {
            series.Add(("test", test, single || split == "test" ? LinePattern.Solid : LinePattern.Dotted, single ? Color.FromHex(Palette[2]) : color));
        }

        if (series.Count == 0)
        {
            throw new ArgumentException($"{log.Name}: no {split} {(loss ? "loss" : "accuracy")} curve in this log (test curves exist only for runs with test_every_epoch)");
        }

        foreach (var (label, values, pattern, lineColor) in series)
        {
            var xs = Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray();
            var scatter = plot.Add.Scatter(xs, values.ToArray(), lineColor);
            scatter.LinePattern = pattern;
            scatter.LineWidth = 2;
            scatter.MarkerSize = values.Count <= 30 ? 5 : 0;
            scatter.LegendText = single ? label : series.Count == 1 ? log.Name : $"{log.Name} {label}";
        }

        if (single)
        {
            AddStopMarker(plot, log, loss);
        }
    }

    // HW3 3.3: "mark the point on the validation accuracy curve where we previously early-stopped".
    private static void AddStopMarker(Plot plot, TrainingLog log, bool loss)
    {
        var epoch = log.StopEpoch ?? log.BestEpoch;
        var values = loss ? log.ValLoss : log.Val;
        if (epoch < 1 || epoch > values.Count)
        {
            return;
        }

        var marker = plot.Add.Marker(epoch, values[epoch - 1], MarkerShape.FilledDiamond, 14, Colors.Black);
        marker.LegendText = log.StopEpoch is null
            ? $"best validation (epoch {epoch})"
            : $"early stop, patience {log.Config.Training.Patience} (epoch {epoch})";
    }

    private static string DefaultTitle(IReadOnlyList<TrainingLog> logs, bool loss, string split)
    {
        var what = loss ? "loss" : "accuracy";
        if (logs.Count == 1)
        {
            return $"{logs[0].Name}: {what} per epoch";
        }

        var which = split switch { "train" => "training", "val" => "validation", "test" => "test", _ => "training and validation" };
        return $"{which} {what} per epoch";
    }
}
