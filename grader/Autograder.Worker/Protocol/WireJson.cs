using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Worker.Protocol;

/// <summary>JSON settings shared by both ends: camelCase, one message per line, NaN/Inf allowed.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, Options);

    /// <summary>One message as a UTF-8 line straight into <paramref name="stream"/>, without building a string (a data set's chunk is 8 MB of base64).</summary>
    public static void WriteLine<T>(Stream stream, T message)
    {
        JsonSerializer.Serialize(stream, message, Options);
        stream.WriteByte((byte)'\n');
        stream.Flush();
    }

    public static T Deserialize<T>(string line) =>
        JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException($"empty message: '{line}'");
}
