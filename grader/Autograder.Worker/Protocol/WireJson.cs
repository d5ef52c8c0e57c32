using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Worker.Protocol;

/// <summary>
/// JSON settings shared by both ends: camelCase, one message per line, NaN/Inf allowed. A request's byte arrays of at least
/// <see cref="AttachmentBytes"/> (a tensor's or a data set's payload) travel as raw bytes before its line instead of base64
/// inside it (<see cref="WriteLine{T}"/>, <see cref="RequestReader"/>); answers stay plain lines.
/// </summary>
internal static class WireJson
{
    /// <summary>Byte arrays from this size on go as attachments (smaller ones stay base64 in the line).</summary>
    public const int AttachmentBytes = 64 * 1024;

    /// <summary>The line that announces a request's attachments: this prefix, then their lengths separated by spaces.</summary>
    public const string AttachmentHeader = "#attachments ";

    /// <summary>The messages' settings, with their serialisation code generated at build time (<see cref="WireContext"/>).</summary>
    public static JsonSerializerOptions Options => WireContext.Default.Options;

    /// <summary>
    /// One message as a UTF-8 line into <paramref name="stream"/>. Its byte arrays of <see cref="AttachmentBytes"/> or more are
    /// written raw before the line, announced by a header line with their lengths, and the JSON names them by index:
    /// a data set's 5,000 images are 3.9 MB of bytes, not 5.2 MB of base64 that the worker had to read as a string, parse and decode
    /// (about 0.4 s of each HW3 grade's log re-run in a new worker).
    /// </summary>
    public static void WriteLine<T>(Stream stream, T message)
    {
        var attachments = new List<byte[]>();
        var line = Utf8Line(message, attachments);
        if (attachments.Count > 0)
        {
            stream.Write(Encoding.ASCII.GetBytes(AttachmentHeader + string.Join(' ', attachments.Select(a => a.Length.ToString(CultureInfo.InvariantCulture))) + "\n"));
            foreach (var attachment in attachments)
            {
                stream.Write(attachment);
            }
        }

        stream.Write(line.WrittenSpan);
        stream.Flush();
    }

    /// <summary>
    /// One answer as a UTF-8 line, written with a single call: byte arrays stay base64 (the host reads answers as plain lines).
    /// Through a small buffer a 1 MB answer went out in about a thousand writes to the pipe.
    /// </summary>
    public static void WriteAnswerLine<T>(Stream stream, T message)
    {
        stream.Write(Utf8Line(message, attachments: null).WrittenSpan);
        stream.Flush();
    }

    /// <summary>The message as JSON and a line feed; byte arrays of <see cref="AttachmentBytes"/> or more go to <paramref name="attachments"/> when given.</summary>
    private static ArrayBufferWriter<byte> Utf8Line<T>(T message, List<byte[]>? attachments)
    {
        var line = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(line))
        {
            WireBytesConverter.Outgoing = attachments;
            try
            {
                JsonSerializer.Serialize(writer, message, Options);
            }
            finally
            {
                WireBytesConverter.Outgoing = null;
            }
        }

        line.Write("\n"u8);
        return line;
    }

    public static T Deserialize<T>(string line) =>
        JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException($"empty message: '{line}'");

    /// <summary>A line read as UTF-8 bytes (the host's answers: <c>AnswerReader</c>).</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> line) =>
        JsonSerializer.Deserialize<T>(line, Options) ?? throw new JsonException($"empty message: '{Encoding.UTF8.GetString(line)}'");

    /// <summary>A request line with the attachments read before it (<see cref="RequestReader"/>).</summary>
    public static T Deserialize<T>(string line, IReadOnlyList<byte[]> attachments)
    {
        WireBytesConverter.Incoming = attachments;
        try
        {
            return Deserialize<T>(line);
        }
        finally
        {
            WireBytesConverter.Incoming = null;
        }
    }
}

/// <summary>
/// byte[] on the wire: base64 in the line, or <c>{"attachment": i}</c> for the i-th raw attachment of the request being
/// written or read on this thread. Outside such a request (every answer the host reads) an attachment is invalid JSON.
/// </summary>
internal sealed class WireBytesConverter : JsonConverter<byte[]>
{
    [ThreadStatic]
    internal static List<byte[]>? Outgoing;

    [ThreadStatic]
    internal static IReadOnlyList<byte[]>? Incoming;

    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetBytesFromBase64();
        }

        if (reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName
            || !reader.ValueTextEquals("attachment") || !reader.Read() || !reader.TryGetInt32(out var index) || !reader.Read()
            || reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("bytes: expected a base64 string or {\"attachment\": index}");
        }

        return Incoming is { } attachments && index >= 0 && index < attachments.Count
            ? attachments[index]
            : throw new JsonException($"bytes: attachment {index} was not sent with this request ({Incoming?.Count ?? 0} were)");
    }

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options)
    {
        if (Outgoing is { } attachments && value.Length >= WireJson.AttachmentBytes)
        {
            writer.WriteStartObject();
            writer.WriteNumber("attachment", attachments.Count);
            writer.WriteEndObject();
            attachments.Add(value);
            return;
        }

        writer.WriteBase64StringValue(value);
    }
}
