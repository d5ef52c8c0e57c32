using System.Globalization;
using System.Text;

namespace Autograder.Worker.Protocol;

/// <summary>
/// Reads the host's requests from the worker's standard input: UTF-8 lines, each optionally preceded by an attachment header
/// line and the raw bytes it announces (<see cref="WireJson.WriteLine{T}"/>). Only the trusted host writes this stream.
/// </summary>
internal sealed class RequestReader(Stream input)
{
    private readonly BufferedStream _input = new(input, 1 << 16);
    private readonly MemoryStream _line = new();

    /// <summary>The next request line and its attachments, or null at the end of the input.</summary>
    public (string Line, IReadOnlyList<byte[]> Attachments)? Read()
    {
        var line = ReadLine();
        if (line is null || !line.StartsWith(WireJson.AttachmentHeader, StringComparison.Ordinal))
        {
            return line is null ? null : (line, []);
        }

        var attachments = new List<byte[]>();
        foreach (var length in line[WireJson.AttachmentHeader.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var bytes = new byte[int.Parse(length, NumberStyles.None, CultureInfo.InvariantCulture)];
            _input.ReadExactly(bytes);
            attachments.Add(bytes);
        }

        return (ReadLine() ?? throw new EndOfStreamException($"the input ended after {attachments.Count} attachment(s) without their request line"), attachments);
    }

    private string? ReadLine()
    {
        _line.SetLength(0);
        int b;
        while ((b = _input.ReadByte()) >= 0 && b != '\n')
        {
            _line.WriteByte((byte)b);
        }

        if (b < 0 && _line.Length == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(_line.GetBuffer(), 0, (int)_line.Length);
        return text.EndsWith('\r') ? text[..^1] : text;
    }
}
