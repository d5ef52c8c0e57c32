using NeuralNet.Experiments;
using ScottPlot;

namespace Run;

/// <summary>Learning curves of one or more training logs: accuracy (or loss) per epoch, training and validation.</summary>
public static class Plotter
{
    /// <param name="logs">the runs to draw</param>
    /// <param name="loss">draw the mean cross-entropy loss instead of the accuracy</param>
    /// <param name="path">the PNG to write</param>
    /// <returns>the full path of the PNG</returns>
    public static string Plot(IReadOnlyList<TrainingLog> logs, bool loss, string path)
    {
        var plot = new Plot();
        foreach (var log in logs)
        {
            var series = loss
                ? new[] { ("train loss", log.TrainLoss), ("validation loss", log.ValLoss) }
                : new[] { ("train accuracy", log.Train), ("validation accuracy", log.Val) };
            foreach (var (label, values) in series)
            {
                var epochs = Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray();
                var scatter = plot.Add.Scatter(epochs, values.ToArray());
                scatter.LegendText = logs.Count == 1 ? label : $"{log.Name} {label}";
            }
        }

        plot.Title(logs.Count == 1 ? logs[0].Name : $"{logs.Count} runs");
        plot.XLabel("epoch");
        plot.YLabel(loss ? "mean cross-entropy loss" : "accuracy");
        plot.ShowLegend(loss ? Alignment.UpperRight : Alignment.LowerRight);
        var full = Path.GetFullPath(path);
        plot.SavePng(full, 1000, 600);
        return full;
    }
}
