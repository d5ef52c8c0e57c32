using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Run;

/// <summary>
/// What a plot shows, written into the PNG as a text chunk (keyword <see cref="Keyword"/>) so the grader can check a
/// submitted plot for the curves and marker the handout asks for (HW3 3.2, 3.3, 3.4) and that it was drawn from the
/// submitted logs. Image viewers ignore the chunk.
/// </summary>
public sealed record PlotStamp
{
    /// <summary>The PNG tEXt keyword.</summary>
    public const string Keyword = "autograder-plot";

    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>curves (a value per epoch) or sweep (one value per run against a setting).</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>accuracy, loss or time (sweep plots: training seconds).</summary>
    [JsonPropertyName("metric")] public required string Metric { get; init; }

    /// <summary>The x axis: epoch, or the setting a sweep varies (batch_size).</summary>
    [JsonPropertyName("x")] public required string X { get; init; }

    /// <summary>Curves plots: each run's drawn curves by label (train, validation, test).</summary>
    [JsonPropertyName("runs")] public List<PlotRun> Runs { get; init; } = [];

    /// <summary>Sweep plots: one point per run.</summary>
    [JsonPropertyName("points")] public List<PlotPoint> Points { get; init; } = [];

    /// <summary>The early-stop (or best-validation) marker of a one-run curves plot, if drawn.</summary>
    [JsonPropertyName("marker")] public PlotMarker? Marker { get; init; }

    /// <summary>Adds the stamp to a PNG file as a tEXt chunk before its end.</summary>
    public static void Write(string png, PlotStamp stamp)
    {
        var bytes = File.ReadAllBytes(png);
        var iend = bytes.Length - 12;   // IEND is the last chunk: length 0, type, CRC
        if (bytes.Length < 20 || Encoding.ASCII.GetString(bytes, iend + 4, 4) != "IEND")
        {
            throw new InvalidDataException($"{png}: not a PNG ending with IEND");
        }

        // tEXt holds Latin-1; the default encoder escapes everything outside ASCII.
        // A diverged run's NaN or infinite values are written as "NaN" / "Infinity", as the logs write them.
        var data = Encoding.ASCII.GetBytes(Keyword + "\0" + JsonSerializer.Serialize(stamp, Options));
        var chunk = new byte[12 + data.Length];
        WriteBigEndian(chunk, 0, (uint)data.Length);
        Encoding.ASCII.GetBytes("tEXt", 0, 4, chunk, 4);
        data.CopyTo(chunk, 8);
        WriteBigEndian(chunk, 8 + data.Length, Crc32(chunk.AsSpan(4, 4 + data.Length)));
        using var file = File.Create(png);
        file.Write(bytes, 0, iend);
        file.Write(chunk);
        file.Write(bytes, iend, 12);
    }

    private static void WriteBigEndian(byte[] buffer, int at, uint value)
    {
        buffer[at] = (byte)(value >> 24);
        buffer[at + 1] = (byte)(value >> 16);
        buffer[at + 2] = (byte)(value >> 8);
        buffer[at + 3] = (byte)value;
    }

    // The PNG specification's CRC-32 (polynomial 0xEDB88320) over chunk type and data.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}

/// <summary>One run's curves on a plot.</summary>
/// <param name="Name">the run's name (its log's "name")</param>
/// <param name="Series">the drawn curves by label (train, validation, test), one value per epoch</param>
public sealed record PlotRun(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("series")] Dictionary<string, List<double>> Series);

/// <summary>One run's point on a sweep plot.</summary>
public sealed record PlotPoint(
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y);

/// <summary>The marker on a one-run plot: where early stopping fired (or validation was best).</summary>
public sealed record PlotMarker(
    [property: JsonPropertyName("run")] string Run,
    [property: JsonPropertyName("epoch")] int Epoch,
    [property: JsonPropertyName("label")] string Label);
