using System.Buffers.Binary;
using System.IO.Compression;

namespace DataConverter;

/// <summary>
/// Gzip files whose bytes depend only on their content: the header is written by hand with
/// modification time 0, no file name and operating system 255 ("unknown"), so the output is the
/// same on every machine. GZipStream would stamp the OS of the machine that ran it (RFC 1952, 2.3).
/// </summary>
/// <remarks>
/// The deflate body comes from the zlib-ng bundled with .NET at level 9; it is the same on every
/// platform for a given .NET release. A future runtime with a different zlib-ng may produce other
/// (equally valid) bytes; data/README.md lists the SHA-256 of the uncompressed payloads too.
/// </remarks>
internal static class ReproducibleGzip
{
    private static readonly byte[] Header =
    [
        0x1f, 0x8b, // magic
        0x08,       // compression method: deflate
        0x00,       // flags: no name, comment, extra field or header CRC
        0, 0, 0, 0, // modification time: none
        0x02,       // extra flags: maximum compression
        0xff,       // operating system: unknown
    ];

    /// <summary>Compresses <paramref name="payload"/> into a complete gzip member.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> payload)
    {
        using var output = new MemoryStream();
        output.Write(Header);
        using (var deflate = new DeflateStream(output, new ZLibCompressionOptions { CompressionLevel = 9 }, leaveOpen: true))
        {
            deflate.Write(payload);
        }

        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.Append(0, payload));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], unchecked((uint)payload.Length));
        output.Write(trailer);
        return output.ToArray();
    }
}
