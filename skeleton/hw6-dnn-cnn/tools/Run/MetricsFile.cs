using System.Globalization;
using System.Text.RegularExpressions;
using NeuralNet.Experiments;

namespace Run;

/// <summary>
/// A metrics file of HW5's <c>neuralnet</c> program (<c>epoch=1 crossentropy(train): 2.30...</c>, then the error rates)
/// read as a log of cross-entropy per epoch, so <c>plot --loss</c> draws the handout's empirical curves.
/// </summary>
public static partial class MetricsFile
{
    /// <summary>True for a file that is not a JSON training log (a metrics text file).</summary>
    /// <param name="path">a file given to plot</param>
    public static bool Is(string path) => !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the per-epoch train and validation cross-entropy of a metrics file.</summary>
    /// <param name="path">the metrics file</param>
    /// <returns>a log with the losses only (no accuracies)</returns>
    /// <exception cref="InvalidDataException">a line that is not a metrics line, or epochs missing; the message names the file and line</exception>
    public static TrainingLog Read(string path)
    {
        var train = new List<double>();
        var validation = new List<double>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Trim().Length == 0 || line.StartsWith("error(", StringComparison.Ordinal))
            {
                continue;
            }

            var match = Line().Match(line);
            if (!match.Success)
            {
                throw new InvalidDataException($"{path}:{n}: expected 'epoch=N crossentropy(train|validation): X' or 'error(...): X', found '{line}'");
            }

            var list = match.Groups["split"].Value == "train" ? train : validation;
            var epoch = int.Parse(match.Groups["epoch"].Value, CultureInfo.InvariantCulture);
            if (epoch != list.Count + 1)
            {
                throw new InvalidDataException($"{path}:{n}: expected epoch {list.Count + 1} of crossentropy({match.Groups["split"].Value}), found epoch {epoch}");
            }

            list.Add(double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (train.Count == 0 || train.Count != validation.Count)
        {
            throw new InvalidDataException($"{path}: expected the same number of train and validation epochs (at least 1), found {train.Count} and {validation.Count}");
        }

        var name = Path.GetFileNameWithoutExtension(path);
        return new TrainingLog
        {
            Name = name,
            Assignment = "",
            Config = new ExperimentConfig { Name = name },
            Seed = 0,
            Quick = false,
            Parameters = 0,
            Train = [],
            Val = [],
            TrainLoss = train,
            ValLoss = validation,
            LearningRate = [],
            EpochSeconds = [],
            Updates = 0,
            BestEpoch = 0,
            EarlyStopped = false,
            Test = double.NaN,
            TestLoss = double.NaN,
        };
    }

    [GeneratedRegex(@"^epoch=(?<epoch>\d+) crossentropy\((?<split>train|validation)\): (?<value>\S+)\s*$")]
    private static partial Regex Line();
}
