using System.Globalization;
using NeuralNet.Models.Hw5;

namespace NeuralNetCli;

/// <summary>
/// Homework 5's nine positional arguments:
/// <c>neuralnet &lt;train_input&gt; &lt;validation_input&gt; &lt;train_out&gt; &lt;validation_out&gt; &lt;metrics_out&gt; &lt;num_epoch&gt; &lt;hidden_units&gt; &lt;init_flag&gt; &lt;learning_rate&gt;</c>.
/// </summary>
/// <param name="TrainInput">CSV of training examples (label first, then the features)</param>
/// <param name="ValidationInput">CSV of validation examples</param>
/// <param name="TrainOut">file for the predicted labels of the training examples, one per line</param>
/// <param name="ValidationOut">file for the predicted labels of the validation examples</param>
/// <param name="MetricsOut">file for the per-epoch cross-entropies and the final error rates</param>
/// <param name="NumEpoch">passes over the training data</param>
/// <param name="HiddenUnits">units D of the sigmoid hidden layer</param>
/// <param name="Init">1 = RANDOM (U[-0.1, 0.1], zero biases), 2 = ZERO</param>
/// <param name="LearningRate">the SGD step size</param>
internal sealed record Hw5Arguments(
    string TrainInput,
    string ValidationInput,
    string TrainOut,
    string ValidationOut,
    string MetricsOut,
    int NumEpoch,
    int HiddenUnits,
    Hw5Init Init,
    double LearningRate)
{
    /// <summary>The argument names, in order.</summary>
    public static readonly string[] Names =
        ["train_input", "validation_input", "train_out", "validation_out", "metrics_out", "num_epoch", "hidden_units", "init_flag", "learning_rate"];

    /// <summary>The usage line printed with every argument error.</summary>
    public static string Usage => $"usage: neuralnet {string.Join(" ", Names.Select(n => $"<{n}>"))}\n"
        + "  init_flag: 1 = RANDOM (weights uniform in [-0.1, 0.1], biases 0), 2 = ZERO";

    /// <summary>Parses and checks the arguments.</summary>
    /// <param name="args">the command line</param>
    /// <returns>the arguments</returns>
    /// <exception cref="UsageException">a wrong count or value; the message names the argument, the expected and the found value</exception>
    public static Hw5Arguments Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != Names.Length)
        {
            throw new UsageException($"expected {Names.Length} arguments, found {args.Length}");
        }

        RequireFile(0, args[0]);
        RequireFile(1, args[1]);
        for (var i = 2; i <= 4; i++)
        {
            RequireWritable(i, args[i]);
        }

        return new Hw5Arguments(
            args[0], args[1], args[2], args[3], args[4],
            PositiveInt(5, args[5]),
            PositiveInt(6, args[6]),
            args[7] switch
            {
                "1" => Hw5Init.Random,
                "2" => Hw5Init.Zero,
                _ => throw Bad(7, "1 (RANDOM) or 2 (ZERO)", args[7]),
            },
            PositiveReal(8, args[8]));
    }

    private static void RequireFile(int index, string value)
    {
        if (!File.Exists(value))
        {
            throw Bad(index, "an existing CSV file", value, " (no such file)");
        }
    }

    private static void RequireWritable(int index, string value)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(value));
        if (value.Length == 0 || Directory.Exists(value) || (directory is not null && !Directory.Exists(directory)))
        {
            throw Bad(index, "a file path in an existing folder", value);
        }
    }

    private static int PositiveInt(int index, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw Bad(index, "a positive integer", value);

    private static double PositiveReal(int index, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) && x > 0
            ? x
            : throw Bad(index, "a positive number", value);

    private static UsageException Bad(int index, string expected, string found, string note = "") =>
        new($"argument {index + 1} ({Names[index]}): expected {expected}, found '{found}'{note}");
}
