using NeuralNet.Experiments;
using ScottPlot;

namespace Run;

/// <summary>
/// Learning curves of one or more training logs, as a student hands them in: one colour per run, training solid,
/// validation dashed, test dotted, whole-number epoch ticks, the legend beside the data (never over the curves), a
/// title naming the run(s), and for one run a marker where early stopping fired or validation was best (HW3 3.3);
/// or, with <see cref="RenderSweep"/>, one point per run against its batch size (HW3 3.2). Every PNG carries a
/// <see cref="PlotStamp"/> naming what it shows, which the grader checks. The kit's `tools/Run -- plot` and
/// `autograder plot` draw with this same code.
/// </summary>
public static class Plotter
{
    /// <summary>Curve colours, one per run (Tableau 10), readable on white and for most colour-blind readers.</summary>
    public static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <param name="logs">the runs to draw</param>
    /// <param name="output">the PNG to write</param>
    /// <param name="metric">accuracy or loss</param>
    /// <param name="split">train, val, test or all (default: all for one log; val for accuracy and train for loss with several)</param>
    /// <param name="title">the figure's title (default: the run's name, or the runs' names)</param>
    /// <returns>the full path written</returns>
    public static string Render(IReadOnlyList<TrainingLog> logs, string output, string metric, string? split, string? title)
    {
        if (logs.Count == 0)
        {
            throw new ArgumentException("expected at least one log");
        }

        var loss = metric == "loss";
        split ??= logs.Count == 1 ? "all" : loss ? "train" : "val";
        var plot = new Plot();
        var runs = new List<PlotRun>();
        PlotMarker? marker = null;
        for (var i = 0; i < logs.Count; i++)
        {
            runs.Add(AddRun(plot, logs[i], loss, split, Color.FromHex(Palette[i % Palette.Length]), logs.Count == 1, ref marker));
        }

        plot.Title(title ?? DefaultTitle(logs, loss, split));
        plot.XLabel("epoch");
        plot.YLabel(loss ? "mean cross-entropy loss" : "accuracy");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.AutoScale();
        plot.ShowLegend(Edge.Right);
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        plot.SavePng(full, 1100, 600);
        PlotStamp.Write(full, new PlotStamp { Kind = "curves", Metric = metric, X = "epoch", Runs = runs, Marker = marker });
        return full;
    }

    /// <summary>HW3 3.2: each run's test accuracy (metric accuracy) or total training seconds (metric time) against its batch size.</summary>
    /// <param name="logs">the runs, one per batch size</param>
    /// <param name="output">the PNG to write</param>
    /// <param name="metric">accuracy or time</param>
    /// <param name="title">the figure's title (default: says what is drawn)</param>
    /// <returns>the full path written</returns>
    public static string RenderSweep(IReadOnlyList<TrainingLog> logs, string output, string metric, string? title)
    {
        if (logs.Count < 2)
        {
            throw new ArgumentException($"a batch-size plot needs at least two runs, found {logs.Count}");
        }

        if (metric is not ("accuracy" or "time"))
        {
            throw new ArgumentException($"a batch-size plot draws test accuracy or training time, not {metric}");
        }

        if (logs.GroupBy(l => l.Config.Training.BatchSize).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{string.Join(" and ", twice.Select(l => l.Name))} have the same batch size {twice.Key}; give one run per batch size");
        }

        // One point per run, evenly spaced and labelled with the batch size (5, 50, 500, 5000 span three decades).
        var time = metric == "time";
        var points = logs.OrderBy(l => l.Config.Training.BatchSize)
            .Select(l => new PlotPoint(l.Name, l.Config.Training.BatchSize, time ? l.EpochSeconds.Sum() : l.Test))
            .ToList();
        var plot = new Plot();
        var xs = Enumerable.Range(1, points.Count).Select(i => (double)i).ToArray();
        var scatter = plot.Add.Scatter(xs, points.Select(p => p.Y).ToArray(), Color.FromHex(Palette[0]));
        scatter.LineWidth = 2;
        scatter.MarkerSize = 8;
        return SaveAgainst(plot, xs, points.Select(p => p.X), title ?? (time ? "training time against batch size" : "test accuracy against batch size"),
            "mini-batch size", time ? "training time (s, all epochs)" : "test accuracy", output, new PlotStamp { Kind = "sweep", Metric = metric, X = "batch_size", Points = points });
    }

    /// <summary>
    /// HW5 empirical 1 (a): the average training and validation cross-entropy after the last epoch of each metrics file
    /// against its number of hidden units, read from the file name as the kit's runs name them (<c>hidden20_metrics.txt</c>).
    /// </summary>
    /// <param name="files">the metrics files, one per hidden-unit count</param>
    /// <param name="output">the PNG to write</param>
    /// <param name="title">the figure's title (default: says what is drawn)</param>
    /// <returns>the full path written</returns>
    public static string RenderHiddenUnits(IReadOnlyList<string> files, string output, string? title)
    {
        var points = files.Select(f =>
        {
            var match = System.Text.RegularExpressions.Regex.Match(Path.GetFileName(f), @"hidden(\d+)");
            if (!match.Success)
            {
                throw new ArgumentException($"{f}: the number of hidden units is read from the file name (hidden<N>_metrics.txt, as the kit README's runs write it); rename the file");
            }

            var log = MetricsFile.Read(f);
            return (Units: int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Train: log.TrainLoss[^1], Validation: log.ValLoss[^1]);
        }).OrderBy(p => p.Units).ToList();
        if (points.Count < 2 || points.Select(p => p.Units).Distinct().Count() != points.Count)
        {
            throw new ArgumentException($"a hidden-units plot needs two or more metrics files with different numbers of hidden units, found {string.Join(", ", points.Select(p => p.Units))}");
        }

        var plot = new Plot();
        var xs = Enumerable.Range(1, points.Count).Select(i => (double)i).ToArray();
        foreach (var (label, ys, pattern, colour) in new[]
        {
            ("training", points.Select(p => p.Train).ToArray(), LinePattern.Solid, Palette[0]),
            ("validation", points.Select(p => p.Validation).ToArray(), LinePattern.Dashed, Palette[1]),
        })
        {
            var scatter = plot.Add.Scatter(xs, ys, Color.FromHex(colour));
            scatter.LinePattern = pattern;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 8;
            scatter.LegendText = label;
        }

        plot.ShowLegend(Edge.Right);
        return SaveAgainst(plot, xs, points.Select(p => (double)p.Units), title ?? "average cross-entropy after the last epoch against hidden units",
            "hidden units", "average cross-entropy", output, new PlotStamp
            {
                Kind = "sweep", Metric = "loss", X = "hidden_units",
                Points = [.. points.Select(p => new PlotPoint("train", p.Units, p.Train)), .. points.Select(p => new PlotPoint("validation", p.Units, p.Validation))],
            });
    }

    // A plot of one point per run at evenly spaced positions labelled with the runs' setting: labels, save, stamp.
    private static string SaveAgainst(Plot plot, double[] xs, IEnumerable<double> settings, string title, string xLabel, string yLabel, string output, PlotStamp stamp)
    {
        plot.Axes.Bottom.SetTicks(xs, settings.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.AutoScale();
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        plot.SavePng(full, 1100, 600);
        PlotStamp.Write(full, stamp);
        return full;
    }

    private static PlotRun AddRun(Plot plot, TrainingLog log, bool loss, string split, Color color, bool single, ref PlotMarker? marker)
    {
        var series = new List<(string Label, IReadOnlyList<double> Values, LinePattern Pattern)>();
        if (split is "train" or "all")
        {
            series.Add(("train", loss ? log.TrainLoss : log.Train, LinePattern.Solid));
        }

        if (split is "val" or "all")
        {
            series.Add(("validation", loss ? log.ValLoss : log.Val, split == "val" ? LinePattern.Solid : LinePattern.Dashed));
        }

        if (split is "test" or "all" && !loss && log.TestCurve is { } test)
        {
            series.Add(("test", test, split == "test" ? LinePattern.Solid : LinePattern.Dotted));
        }

        if (series.Count == 0)
        {
            throw new ArgumentException($"{log.Name}: no {split} {(loss ? "loss" : "accuracy")} curve in this log (test curves exist only for runs with test_every_epoch)");
        }

        foreach (var (label, values, pattern) in series)
        {
            var xs = Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray();
            var scatter = plot.Add.Scatter(xs, values.ToArray(), color);
            scatter.LinePattern = pattern;
            scatter.LineWidth = 2;
            scatter.MarkerSize = values.Count <= 30 ? 5 : 0;
            scatter.LegendText = single ? label : series.Count == 1 ? log.Name : $"{log.Name} {label}";
        }

        if (single && split is "val" or "all")
        {
            marker = AddStopMarker(plot, log, loss);
        }

        return new PlotRun(log.Name, series.ToDictionary(s => s.Label, s => s.Values.ToList()));
    }

    // HW3 3.3: "mark the point on the validation accuracy curve where we previously early-stopped".
    private static PlotMarker? AddStopMarker(Plot plot, TrainingLog log, bool loss)
    {
        var epoch = log.StopEpoch ?? log.BestEpoch;
        var values = loss ? log.ValLoss : log.Val;
        if (epoch < 1 || epoch > values.Count)
        {
            return null;
        }

        var marker = plot.Add.Marker(epoch, values[epoch - 1], MarkerShape.FilledDiamond, 14, Colors.Black);
        marker.LegendText = log.StopEpoch is null
            ? $"best validation (epoch {epoch})"
            : $"early stop, patience {log.Config.Training.Patience} (epoch {epoch})";
        return new PlotMarker(log.Name, epoch, marker.LegendText);
    }

    private static string DefaultTitle(IReadOnlyList<TrainingLog> logs, bool loss, string split)
    {
        var what = loss ? "loss" : "accuracy";
        if (logs.Count == 1)
        {
            return $"{logs[0].Name}: {what} per epoch";
        }

        var which = split switch { "train" => "training", "val" => "validation", "test" => "test", _ => "training and validation" };
        var joined = string.Join(", ", logs.Select(l => l.Name));
        var names = joined.Length <= 50 ? joined : $"{logs.Count} runs";
        return $"{names}: {which} {what} per epoch";
    }
}
