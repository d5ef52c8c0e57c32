using System.Buffers.Binary;

namespace Autograder.Grader.Intake;

/// <summary>
/// Reads a zip's end-of-central-directory record (and its Zip64 form) before the archive is opened, so a
/// zip that declares millions of entries or a central directory of gigabytes is refused without loading it.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndSize = 22;
    private const int MaxComment = 0xFFFF;

    /// <summary>Most entries a zip may declare before anything of it is loaded (a course submission has a few dozen).</summary>
    public const long MaxEntries = 100_000;

    /// <summary>Largest central directory read (each entry takes at least 46 bytes there).</summary>
    public const long MaxDirectoryBytes = 64L << 20;

    /// <summary>Why the zip at <paramref name="path"/> is too big to list (more than <paramref name="maxEntries"/> entries, or a huge directory), else null.</summary>
    public static string? TooBig(string path, long maxEntries)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var tailLength = (int)Math.Min(stream.Length, EndSize + MaxComment + 20);
            var tail = new byte[tailLength];
            stream.Seek(-tailLength, SeekOrigin.End);
            stream.ReadExactly(tail);
            for (var at = tailLength - EndSize; at >= 0; at--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndSignature)
                {
                    continue;
                }

                long entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
                long size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at + 12));
                if ((entries == 0xFFFF || size == 0xFFFFFFFF) && at >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at - 20)) == Zip64LocatorSignature)
                {
                    var offset = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(at - 20 + 8));
                    var record = new byte[56];
                    if (offset < 0 || offset > stream.Length - record.Length)
                    {
                        return "not a readable zip file: its Zip64 directory record lies outside the file";
                    }

                    stream.Seek(offset, SeekOrigin.Begin);
                    stream.ReadExactly(record);
                    if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature)
                    {
                        return "not a readable zip file: its Zip64 directory record is damaged";
                    }

                    entries = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), long.MaxValue);
                    size = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40)), long.MaxValue);
                }

                if (entries > maxEntries)
                {
                    return $"the zip declares {entries:N0} entries; at most {maxEntries:N0} are read (zip only your source files and logs)";
                }

                return size > MaxDirectoryBytes ? $"the zip's directory takes {size:N0} bytes; at most {MaxDirectoryBytes:N0} are read" : null;
            }

            return null; // No end record: ZipFile.OpenRead reports the damage in its own words.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"not a readable zip file: {ex.Message}";
        }
    }
}
