using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Checks.Kinds;

/// <summary>
/// <c>plot</c>: the submitted PNG <c>file</c> must be a plot the kit's plot command drew (it writes what it draws into
/// the PNG as an <c>autograder-plot</c> text chunk) from the submitted logs <c>plot.logs</c>: each log's run with the
/// curves <c>plot.series</c> of <c>plot.metric</c> per epoch (or per evaluation step, <c>plot.x: step</c>, transformer logs) holding the log's values, and the early-stop marker at the
/// log's stop epoch when <c>plot.marker</c>; or, with <c>plot.x: batch_size</c>, one point per log at its batch size
/// with its test accuracy (or training seconds). The chunk is read with bounds checks: the PNG is the student's.
/// </summary>
internal sealed class PlotCheck : ICheckKind
{
    private const string Keyword = "autograder-plot";

    public string Kind => "plot";

    public int CaseCount(CheckSpec spec) => 1;

    public void RunCase(CheckContext c, int caseIndex)
    {
        var file = c.Spec.File ?? throw new RubricError("plot needs file");
        var spec = c.Spec.Plot ?? throw new RubricError("plot needs plot: {logs, metric, x, series, marker}");
        if (spec.Logs.Count == 0)
        {
            throw new RubricError($"plot {file}: plot.logs names no log, so nothing ties the picture to the submission");
        }

        if (!c.Environment.Logs.TryGetValue(file, out var base64))
        {
            throw new NotSubmitted($"{file} was not found in the submission; draw it with the kit's plot command and include it");
        }

        var text = StampText(Convert.FromBase64String(base64))
            ?? throw new CheckFailure($"{file} carries no description of what it draws: draw it with the kit's plot command (`dotnet run --project tools/Run -- plot ...`), which records the curves it draws in the PNG");
        JsonElement stamp;
        try
        {
            using var document = JsonDocument.Parse(text);
            stamp = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CheckFailure($"{file}: its plot description is not valid JSON ({e.Message}); draw it again with the kit's plot command");
        }

        var metric = Text(stamp, "metric");
        var x = Text(stamp, "x");
        if (metric != spec.Metric || x != spec.X)
        {
            throw new CheckFailure($"{file} draws {metric ?? "?"} against {x ?? "?"}; expected {spec.Metric} against {spec.X} ({Command(spec, file)})");
        }

        foreach (var logFile in spec.Logs)
        {
            if (!c.Environment.Logs.TryGetValue(logFile, out var logText))
            {
                throw new CheckFailure($"{file} must be drawn from {logFile}, which is not in the submission; include the log and draw the plot from it");
            }

            JsonElement log;
            try
            {
                using var document = JsonDocument.Parse(logText);
                log = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new CheckFailure($"{file} must be drawn from {logFile}, which is not valid JSON");
            }

            var name = Text(log, "name") ?? Path.GetFileNameWithoutExtension(logFile);
            if (spec.X == "batch_size")
            {
                CheckPoint(file, spec, stamp, log, logFile, name);
            }
            else
            {
                CheckCurves(file, spec, stamp, log, logFile, name);
            }
        }
    }

    private static void CheckCurves(string file, PlotSpec spec, JsonElement stamp, JsonElement log, string logFile, string name)
    {
        var run = stamp.TryGetProperty("runs", out var runs) && runs.ValueKind == JsonValueKind.Array
            ? runs.EnumerateArray().FirstOrDefault(r => Text(r, "name") == name)
            : default;
        if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty("series", out var series) || series.ValueKind != JsonValueKind.Object)
        {
            throw new CheckFailure($"{file} does not draw the run {name} ({logFile}); {Command(spec, file)}");
        }

        foreach (var label in spec.Series)
        {
            var key = (label, spec.Metric) switch
            {
                ("train", "loss") => "train_loss",
                ("validation", "loss") => "val_loss",
                ("train", _) => "train",
                ("validation", _) => "val",
                ("test", _) => "test_curve",
                _ => throw new RubricError($"plot series '{label}': expected train, validation or test"),
            };
            if (!series.TryGetProperty(label, out var drawn) || drawn.ValueKind != JsonValueKind.Array)
            {
                throw new CheckFailure($"{file} has no {label} curve for {name}; the handout's figure has {string.Join(", ", spec.Series)} ({Command(spec, file)})");
            }

            var logged = Numbers(log, key)
                ?? throw new CheckFailure($"{logFile} has no {key} list to draw the {label} curve from");
            var values = drawn.EnumerateArray().Select(Value).ToList();
            if (values.Count != logged.Count || values.Zip(logged).Any(p => !Same(p.First, p.Second)))
            {
                throw new CheckFailure($"the {label} curve of {name} in {file} is not the one in {logFile} ({values.Count} points, the log has {logged.Count}); draw the plot again from the log you submit");
            }
        }

        if (!spec.Marker)
        {
            return;
        }

        var epoch = Int(log, "stop_epoch") ?? Int(log, "best_epoch");
        var marker = stamp.TryGetProperty("marker", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        if (marker.ValueKind != JsonValueKind.Object || Text(marker, "run") != name)
        {
            throw new CheckFailure($"{file} does not mark where early stopping stopped {name}; draw {logFile} alone with the validation curve (the plot command marks it)");
        }

        if (Int(marker, "epoch") != epoch)
        {
            throw new CheckFailure($"{file} marks epoch {Int(marker, "epoch")}, but {logFile} says early stopping stopped at epoch {epoch}");
        }
    }

    private static void CheckPoint(string file, PlotSpec spec, JsonElement stamp, JsonElement log, string logFile, string name)
    {
        var point = stamp.TryGetProperty("points", out var points) && points.ValueKind == JsonValueKind.Array
            ? points.EnumerateArray().FirstOrDefault(p => Text(p, "run") == name)
            : default;
        if (point.ValueKind != JsonValueKind.Object)
        {
            throw new CheckFailure($"{file} has no point for {name} ({logFile}); {Command(spec, file)}");
        }

        var batch = log.TryGetProperty("config", out var config) && config.TryGetProperty("training", out var training) ? Int(training, "batch_size") : null;
        var expected = spec.Metric == "time" ? Numbers(log, "epoch_seconds")?.Sum() : Number(log, "test");
        var (px, py) = (Number(point, "x"), Number(point, "y"));
        if (batch is null || expected is null)
        {
            throw new CheckFailure($"{logFile} has no {(batch is null ? "config.training.batch_size" : spec.Metric == "time" ? "epoch_seconds" : "test")} to plot");
        }

        if (px != batch || py is null || Math.Abs(py.Value - expected.Value) > 1e-9 * Math.Max(1, Math.Abs(expected.Value)))
        {
            throw new CheckFailure(string.Create(CultureInfo.InvariantCulture,
                $"{file} draws {name} at batch size {px}, value {py}; {logFile} says batch size {batch}, {(spec.Metric == "time" ? "training seconds" : "test accuracy")} {expected}: draw the plot again from the logs you submit"));
        }
    }

    private static string Command(PlotSpec spec, string file) => $"draw it with `{spec.KitCommand(file)}`";

    /// <summary>The text of the PNG's <c>autograder-plot</c> tEXt chunk, or null; walks the chunks within the file's bounds.</summary>
    internal static string? StampText(byte[] png)
    {
        var at = 8;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at, 4));
            if (length > (uint)(png.Length - at - 12))
            {
                return null;
            }

            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, (int)length);
            if (type == "tEXt" && data.IndexOf((byte)0) is var nul and > 0 && Encoding.Latin1.GetString(data[..nul]) == Keyword)
            {
                return Encoding.Latin1.GetString(data[(nul + 1)..]);
            }

            if (type == "IEND")
            {
                return null;
            }

            at += 12 + (int)length;
        }

        return null;
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    // A list of numbers, where a diverged run's "NaN", "Infinity" and "-Infinity" count as numbers (the logs write them so).
    private static List<double>? Numbers(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number || x.GetString() is "NaN" or "Infinity" or "-Infinity")
            ? [.. v.EnumerateArray().Select(Value)]
            : null;

    private static double Value(JsonElement x) => x.ValueKind switch
    {
        JsonValueKind.Number => x.GetDouble(),
        JsonValueKind.String when x.GetString() is "Infinity" => double.PositiveInfinity,
        JsonValueKind.String when x.GetString() is "-Infinity" => double.NegativeInfinity,
        _ => double.NaN,
    };

    private static bool Same(double drawn, double logged) =>
        double.IsNaN(drawn) ? double.IsNaN(logged) : drawn == logged || Math.Abs(drawn - logged) <= 1e-9;
}
