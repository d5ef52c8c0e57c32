using NeuralNet;
using NeuralNet.Data;
using NeuralNet.Models.Hw5;

namespace NeuralNetCli;

/// <summary>
/// Homework 5's programming part: a one-hidden-layer sigmoid network with a softmax output, trained by
/// SGD one example at a time in file order (no shuffling); after every epoch the mean cross-entropy of
/// both sets goes to the metrics file, and at the end the predicted labels and the error rates.
/// </summary>
internal static class Hw5Program
{
    /// <summary>Seed of the RANDOM initialisation (the handout fixes none; ZERO runs do not depend on it).</summary>
    public const ulong Seed = 1;

    /// <summary>Trains and writes the three output files.</summary>
    /// <param name="a">the parsed arguments</param>
    public static void Run(Hw5Arguments a)
    {
        var train = CsvDataset.Read(a.TrainInput, CsvFormat.BinaryFeatures);
        var validation = CsvDataset.Read(a.ValidationInput, CsvFormat.BinaryFeatures);
        if (validation.Features != train.Features)
        {
            throw new InvalidDataException($"{a.ValidationInput}: {validation.Features} features per line, but {a.TrainInput} has {train.Features}");
        }

        var network = new Hw5Network(train.Features, a.HiddenUnits, train.NumClasses, a.Init, new Rng(Seed));
        var metrics = new List<string>();
        for (var epoch = 1; epoch <= a.NumEpoch; epoch++)
        {
            network.TrainEpoch(train.X, train.Labels, a.LearningRate);
            metrics.Add($"epoch={epoch} crossentropy(train): {PythonFloat.Format(network.MeanCrossEntropy(train.X, train.Labels))}");
            metrics.Add($"epoch={epoch} crossentropy(validation): {PythonFloat.Format(network.MeanCrossEntropy(validation.X, validation.Labels))}");
        }

        var trainPredictions = network.PredictAll(train.X);
        var validationPredictions = network.PredictAll(validation.X);
        metrics.Add($"error(train): {PythonFloat.Format(ErrorRate(trainPredictions, train.Labels))}");
        metrics.Add($"error(validation): {PythonFloat.Format(ErrorRate(validationPredictions, validation.Labels))}");
        WriteLines(a.TrainOut, trainPredictions.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        WriteLines(a.ValidationOut, validationPredictions.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        WriteLines(a.MetricsOut, metrics);
    }

    private static double ErrorRate(int[] predicted, int[] labels) =>
        (double)predicted.Zip(labels).Count(p => p.First != p.Second) / labels.Length;

    // Unix line endings on every platform, so graders can compare files byte for byte.
    private static void WriteLines(string path, IEnumerable<string> lines) =>
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
}
