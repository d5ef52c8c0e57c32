namespace Autograder.Grader.Rubrics;

/// <summary>
/// plot: what a submitted plot (a PNG written by the kit's plot command, whose text chunk names what it draws) must show,
/// and the submitted logs it must have been drawn from.
/// </summary>
public sealed record PlotSpec
{
    /// <summary>The logs whose values the plot must draw (each submitted, by file name).</summary>
    public List<string> Logs { get; init; } = [];

    /// <summary>accuracy, loss or time.</summary>
    public string Metric { get; init; } = "accuracy";

    /// <summary>epoch (curves per epoch), step (transformer loss curves per evaluation step) or batch_size (one point per run, HW3 3.2).</summary>
    public string X { get; init; } = "epoch";

    /// <summary>Curves each log's run must have on the plot (train, validation, test); epoch plots only.</summary>
    public List<string> Series { get; init; } = ["train"];

    /// <summary>The early-stop marker must be drawn at the log's stop (or best) epoch.</summary>
    public bool Marker { get; init; }

    /// <summary>The kit command that draws the plot <paramref name="file"/> from the logs in the kit's runs/ folder, run from the kit's folder.</summary>
    public string KitCommand(string file) =>
        $"dotnet run --project tools/Run -- plot {string.Join(" ", Logs.Select(l => "runs/" + l))}" +
        (X == "batch_size" ? $" --against batch_size{(Metric == "time" ? " --time" : "")}" : Metric == "loss" ? " --loss" : "") +
        $" --out runs/{file}";
}
