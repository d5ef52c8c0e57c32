using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuralNet.Experiments;

/// <summary>Writes and reads <see cref="TrainingLog"/> files (snake_case keys, indented, nulls left out).</summary>
public static class TrainingLogJson
{
    /// <summary>The serializer settings of log files.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
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
