using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuralNet.Experiments;

/// <summary>Writes and reads <see cref="TrainingLog"/> files (snake_case keys, indented, nulls left out).</summary>
public static class TrainingLogJson
{
    /// <summary>
    /// The serializer settings of log files. A run that diverged has NaN or infinite losses; they are written as the
    /// strings "NaN", "Infinity" and "-Infinity" (JSON has no such numbers), so the log is still written and read back.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The log as JSON text.</summary>
    /// <param name="log">the log</param>
    public static string Serialize(TrainingLog log) => JsonSerializer.Serialize(log, Options);

    /// <summary>Writes <c>&lt;directory&gt;/&lt;name&gt;.json</c>, creating the directory.</summary>
    /// <param name="log">the log</param>
    /// <param name="directory">the output folder</param>
    /// <returns>the file written</returns>
    public static string Write(TrainingLog log, string directory)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, log.Name + ".json");
        File.WriteAllText(path, Serialize(log) + "\n");
        return path;
    }

    /// <summary>Where a run diverged: the first per-epoch value that is NaN or infinite, e.g. "train_loss is NaN from epoch 2"; null when every value is finite.</summary>
    /// <param name="log">the log</param>
    public static string? Divergence(TrainingLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        foreach (var (name, values) in new[] { ("train_loss", log.TrainLoss), ("val_loss", log.ValLoss), ("train", log.Train), ("val", log.Val) })
        {
            for (var e = 0; e < values.Count; e++)
            {
                if (!double.IsFinite(values[e]))
                {
                    return $"{name} is {values[e].ToString(System.Globalization.CultureInfo.InvariantCulture)} from epoch {e + 1}";
                }
            }
        }

        return double.IsFinite(log.TestLoss) ? null : $"test_loss is {log.TestLoss.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Reads a log file.</summary>
    /// <param name="path">the file</param>
    /// <returns>the log</returns>
    /// <exception cref="InvalidDataException">the file is not a training log; the message names the file</exception>
    public static TrainingLog Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return JsonSerializer.Deserialize<TrainingLog>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"{path}: the file holds 'null', expected a training log object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a training log ({e.Message})", e);
        }
    }
}
