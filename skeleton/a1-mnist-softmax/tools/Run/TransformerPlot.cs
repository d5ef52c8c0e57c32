using System.Text.Json;
using NeuralNet.Transformer;
using ScottPlot;

namespace Run;

/// <summary>
/// The transformer half of the kit's `tools/Run -- plot` and of `autograder plot` (seed 000, Problem 4.1 (ii)-(iv)):
/// loss curves against the optimisation step (the log's <c>eval_steps</c>), train and validation per run, several runs
/// on one figure for the block-size and heads comparisons. Like <see cref="Plotter"/>, it writes a <see cref="PlotStamp"/>
/// into the PNG. Compiled in kits that ship the transformer module (tools/Run/Run.csproj).
/// </summary>
public static class TransformerPlot
{
    /// <summary>One curve as drawn: legend text, x (steps) and y (loss) values, line pattern and colour.</summary>
    public sealed record Series(string Label, double[] X, double[] Y, LinePattern Pattern, Color Color);

    /// <summary>Whether a JSON file is a transformer loss log (it has <c>eval_steps</c>); false for anything unreadable, which the course-log reader then reports.</summary>
    public static bool IsTransformerLog(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("eval_steps", out _);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The curves of the figure: per log, train loss (solid) and/or validation loss (dashed) against eval_steps.
    /// One log gets two colours; several logs get one colour each.
    /// </summary>
    /// <param name="logs">the runs</param>
    /// <param name="split">train, val or all (test is an error: the runs have no test split)</param>
    public static IReadOnlyList<Series> Curves(IReadOnlyList<TransformerRunLog> logs, string split)
    {
        if (split is not ("train" or "val" or "all"))
        {
            throw new ArgumentException($"--split {split}: transformer logs have train and val losses only; expected train, val or all");
        }

        var series = new List<Series>();
        for (var i = 0; i < logs.Count; i++)
        {
            var log = logs[i];
            var single = logs.Count == 1;
            var steps = log.EvalSteps.Select(s => (double)s).ToArray();
            if (split is "train" or "all")
            {
                series.Add(new Series(single ? "train" : split == "all" ? $"{log.Name} train" : log.Name, steps, [.. log.TrainLoss], LinePattern.Solid, Colour(single ? 0 : i)));
            }

            if (split is "val" or "all")
            {
                series.Add(new Series(single ? "validation" : split == "all" ? $"{log.Name} validation" : log.Name, steps, [.. log.ValLoss],
                    split == "all" ? LinePattern.Dashed : LinePattern.Solid, Colour(single ? 1 : i)));
            }
        }

        return series;
    }

    /// <summary>Draws the loss curves and writes a 1000 x 600 PNG.</summary>
    /// <returns>the full path written</returns>
    public static string Render(IReadOnlyList<TransformerRunLog> logs, string output, string? metric, string? split, string? title)
    {
        if (logs.Count == 0)
        {
            throw new ArgumentException("expected at least one log");
        }

        if (metric is not (null or "loss"))
        {
            throw new ArgumentException($"--metric {metric}: transformer logs ({logs[0].Name}) record losses only; use --metric loss or leave it out");
        }

        split ??= "all";
        var plot = new Plot();
        var runs = logs.Select(l => new PlotRun(l.Name, new Dictionary<string, List<double>>())).ToList();
        for (var i = 0; i < logs.Count; i++)
        {
            if (split is "train" or "all")
            {
                runs[i].Series["train"] = [.. logs[i].TrainLoss];
            }

            if (split is "val" or "all")
            {
                runs[i].Series["validation"] = [.. logs[i].ValLoss];
            }
        }

        foreach (var curve in Curves(logs, split))
        {
            var scatter = plot.Add.Scatter(curve.X, curve.Y, curve.Color);
            scatter.LinePattern = curve.Pattern;
            scatter.LineWidth = 2;
            scatter.MarkerSize = curve.X.Length <= 30 ? 4 : 0;
            scatter.LegendText = curve.Label;
        }

        var which = split switch { "train" => "training", "val" => "validation", _ => "training (solid) and validation (dashed)" };
        plot.Title(title ?? (logs.Count == 1 ? $"{logs[0].Name}: loss per evaluation step" : $"{which} loss per evaluation step"));
        plot.XLabel("step");
        plot.YLabel("mean cross-entropy loss (nats per character)");
        plot.Axes.AutoScale();
        plot.ShowLegend(Alignment.UpperRight);
        var full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        plot.SavePng(full, 1000, 600);
        PlotStamp.Write(full, new PlotStamp { Kind = "curves", Metric = "loss", X = "step", Runs = runs });
        return full;
    }

    private static Color Colour(int i) => Color.FromHex(Plotter.Palette[i % Plotter.Palette.Length]);
}
