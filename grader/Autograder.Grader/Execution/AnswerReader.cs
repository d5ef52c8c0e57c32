using System.Buffers;

namespace Autograder.Grader.Execution;

/// <summary>
/// Reads the worker's answers, one UTF-8 JSON line each, from its standard output as bytes: a line is found with a vector
/// search over a 64 KB buffer and handed to the JSON reader as UTF-8, with no string in between. An answer holding a
/// 784 x 128 weight matrix is about 1 MB of base64. At most <c>limit</c> bytes of one line are kept: a longer answer ends the
/// read (<c>TooLong</c>) instead of filling the host's memory (the ReturnsHugeTensor attack).
/// </summary>
internal sealed class AnswerReader(Stream stream, int limit)
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly ArrayBufferWriter<byte> _line = new(1 << 12);
    private int _start;
    private int _end;

    /// <summary>
    /// The next line without its line ending (LF or CRLF), or (null, false) at the end of the stream. The returned memory is valid
    /// until the next call.
    /// </summary>
    public (ReadOnlyMemory<byte>? Line, bool TooLong) ReadLine()
    {
        _line.ResetWrittenCount();
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = stream.Read(_buffer);
                if (_end == 0)
                {
                    // Typed: a bare null would become an empty ReadOnlyMemory through its conversion from an array.
                    return (_line.WrittenCount > 0 ? WithoutCr(_line.WrittenMemory) : (ReadOnlyMemory<byte>?)null, false);
                }
            }

            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            var part = newline < 0 ? pending : pending[..newline];
            if (_line.WrittenCount + part.Length > limit)
            {
                return (null, true);
            }

            _line.Write(part);
            if (newline >= 0)
            {
                _start += newline + 1;
                return (WithoutCr(_line.WrittenMemory), false);
            }

            _start = _end;
        }
    }

    private static ReadOnlyMemory<byte> WithoutCr(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
