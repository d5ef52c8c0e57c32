using System.Text;
using System.Text.Json;
using NeuralNet.Data;

namespace DataConverter;

/// <summary>
/// Formats that only some seed assignments read, written on demand from the shipped (checksum-verified)
/// MNIST subset instead of being committed: they are several times larger than the gzip IDX files.
/// </summary>
internal static class AssignmentExports
{
    private static readonly string[] SplitNames = ["train", "val", "test"];

    /// <summary>
    /// Assignment 1 reads mnist_train.csv and mnist_test.csv (label, then 784 pixels 0..255, no header)
    /// and itself uses the first 80% of mnist_train.csv for training, the rest for validation. mnist_train.csv is
    /// our train split (8,000 rows), so that rule gives the 6,400 / 1,600 split the course's own runs use;
    /// mnist_test.csv is our test split (1,000 rows). (Our validation split, 1,000 rows, is HW6's and not exported here.)
    /// </summary>
    public static void WriteA1Csv(string dataDirectory, string outDirectory, TextWriter log)
    {
        var splits = ReadMnist(dataDirectory);
        Directory.CreateDirectory(outDirectory);
        WriteCsv(Path.Combine(outDirectory, "mnist_train.csv"), [splits[0]], log);
        WriteCsv(Path.Combine(outDirectory, "mnist_test.csv"), [splits[2]], log);
    }

    /// <summary>
    /// Homework 6 reads mnist_subset.json: {"train": [X, y], "valid": [X, y], "test": [X, y]}, X a list of
    /// rows of 784 floats in [0, 1] (byte / 255, shortest round-trip form), y a list of integer labels.
    /// </summary>
    public static void WriteHw6Json(string dataDirectory, string outFile, TextWriter log)
    {
        var splits = ReadMnist(dataDirectory);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(outFile));
        Directory.CreateDirectory(folder!);
        using (var stream = File.Create(outFile))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            string[] keys = ["train", "valid", "test"];
            for (int s = 0; s < keys.Length; s++)
            {
                var (images, labels) = splits[s];
                json.WritePropertyName(keys[s]);
                json.WriteStartArray();
                json.WriteStartArray();
                for (int i = 0; i < images.Count; i++)
                {
                    json.WriteStartArray();
                    foreach (byte p in images.Pixels.AsSpan(i * images.PixelsPerImage, images.PixelsPerImage))
                    {
                        json.WriteNumberValue(p / 255.0);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteStartArray();
                foreach (byte label in labels)
                {
                    json.WriteNumberValue(label);
                }

                json.WriteEndArray();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        log.WriteLine($"wrote {outFile} ({new FileInfo(outFile).Length} bytes)");
    }

    private static List<(IdxImages Images, byte[] Labels)> ReadMnist(string dataDirectory)
    {
        var manifest = ChecksumManifest.Load(dataDirectory);
        return SplitNames
            .Select(split => (
                IdxReader.ReadImages(manifest.Verify($"mnist/{split}-images-idx3-ubyte.gz")),
                IdxReader.ReadLabels(manifest.Verify($"mnist/{split}-labels-idx1-ubyte.gz"))))
            .ToList();
    }

    private static void WriteCsv(string path, IReadOnlyList<(IdxImages Images, byte[] Labels)> parts, TextWriter log)
    {
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            var line = new StringBuilder();
            foreach (var (images, labels) in parts)
            {
                for (int i = 0; i < images.Count; i++)
                {
                    line.Clear().Append(labels[i]);
                    foreach (byte p in images.Pixels.AsSpan(i * images.PixelsPerImage, images.PixelsPerImage))
                    {
                        line.Append(',').Append(p);
                    }

                    writer.WriteLine(line);
                }
            }
        }

        log.WriteLine($"wrote {path} ({new FileInfo(path).Length} bytes)");
    }
}
