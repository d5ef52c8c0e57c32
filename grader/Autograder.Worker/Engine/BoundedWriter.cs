using System.Text;

namespace Autograder.Worker.Engine;

/// <summary>
/// Where the submission's Console output goes: kept in memory up to a limit (a print in a loop
/// must not exhaust memory), the overflow counted so the host can say how much was dropped.
/// </summary>
internal sealed class BoundedWriter(int limit) : TextWriter
{
    private readonly StringBuilder _buffer = new();
    private long _dropped;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_buffer)
        {
            if (_buffer.Length < limit)
            {
                _buffer.Append(value);
            }
            else
            {
                _dropped++;
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }

        lock (_buffer)
        {
            var room = Math.Max(0, limit - _buffer.Length);
            _buffer.Append(value.AsSpan(0, Math.Min(room, value.Length)));
            _dropped += Math.Max(0, value.Length - room);
        }
    }

    /// <summary>Returns what was written since the last call (with a note on dropped characters) and clears it.</summary>
    public string? Drain()
    {
        lock (_buffer)
        {
            if (_buffer.Length == 0 && _dropped == 0)
            {
                return null;
            }

            var text = _dropped > 0 ? $"{_buffer}\n[... {_dropped} more characters dropped]" : _buffer.ToString();
            _buffer.Clear();
            _dropped = 0;
            return text;
        }
    }
}
