using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralNet.Experiments;

/// <summary>
/// The handout's command-line flags as overrides of an experiment file: HW6's scripts run <c>python3 dnn_cnn.py --alpha 0.9</c>
/// or <c>dnn_mlp.py --dropout_rate 0.5</c>, and its <c>dnn_*.py</c> accept <c>--learning_rate</c>, <c>--alpha</c> (momentum),
/// <c>--lambda</c> (weight decay), <c>--dropout_rate</c>, <c>--random_seed</c>, <c>--num_epoch</c> and <c>--minibatch_size</c>.
/// A run named in the handout's pattern <c>&lt;model&gt;_lr&lt;lr&gt;_m&lt;alpha&gt;_w&lt;lambda&gt;_d&lt;dropout&gt;</c> is renamed after the
/// values it ends up with, as the scripts name their output file, so an override never overwrites the default run's log.
/// </summary>
public static class ExperimentOverrides
{
    /// <summary>The flags, in the handout's spelling.</summary>
    public static IReadOnlyList<string> Flags { get; } = ["--learning_rate", "--alpha", "--lambda", "--dropout_rate", "--random_seed", "--num_epoch", "--minibatch_size"];

    /// <summary>Applies flag values to an experiment.</summary>
    /// <param name="config">the experiment as its file says</param>
    /// <param name="values">flag (as in <see cref="Flags"/>) to its command-line text</param>
    /// <returns>the experiment with the overrides, renamed when its name follows the handout's pattern</returns>
    /// <exception cref="ArgumentException">an unknown flag, or a value that is not a number in the flag's range; the message names the flag, what it expects and what it found</exception>
    public static ExperimentConfig Apply(ExperimentConfig config, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (flag, text) in values)
        {
            config = flag switch
            {
                "--learning_rate" => config with { Optimizer = config.Optimizer with { LearningRate = Number(flag, text, "a number > 0", v => v > 0) } },
                "--alpha" => config with { Optimizer = config.Optimizer with { Momentum = Number(flag, text, "a momentum in [0, 1)", v => v is >= 0 and < 1) } },
                "--lambda" => config with { Optimizer = config.Optimizer with { WeightDecay = Number(flag, text, "a weight decay >= 0", v => v >= 0) } },
                "--dropout_rate" => config with { Model = config.Model with { Dropout = Number(flag, text, "a dropout rate in [0, 1)", v => v is >= 0 and < 1) } },
                "--random_seed" => config with { Seed = ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed) ? seed : throw Bad(flag, "a whole number >= 0", text) },
                "--num_epoch" => config with { Training = config.Training with { Epochs = Count(flag, text) } },
                "--minibatch_size" => config with { Training = config.Training with { BatchSize = Count(flag, text) } },
                _ => throw new ArgumentException($"unknown flag '{flag}'; the handout's flags are {string.Join(", ", Flags)}", nameof(values)),
            };
        }

        return values.Count > 0 && HandoutName.Match(config.Name) is { Success: true } match
            ? config with { Name = $"{match.Groups["model"].Value}_lr{Python(config.Optimizer.LearningRate)}_m{Python(config.Optimizer.Momentum)}_w{Python(config.Optimizer.WeightDecay)}_d{Python(config.Model.Dropout)}" }
            : config;
    }

    /// <summary>A float as Python's <c>str</c> prints it (0.0, 0.01, 0.9, 1e-05), which is how the handout's scripts name their files.</summary>
    /// <param name="value">a finite number</param>
    public static string Python(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e16)
        {
            return value.ToString("0", CultureInfo.InvariantCulture) + ".0";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        // Python: 1e-05, 1.5e+20 (a sign and at least two exponent digits).
        var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        return $"{text[..e]}e{(exponent < 0 ? '-' : '+')}{Math.Abs(exponent):00}";
    }

    private static double Number(string flag, string text, string expected, Func<double, bool> valid) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && valid(value)
            ? value
            : throw Bad(flag, expected, text);

    private static int Count(string flag, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 ? value : throw Bad(flag, "a whole number >= 1", text);

    private static ArgumentException Bad(string flag, string expected, string found) => new($"{flag}: expected {expected}, found '{found}'");

    // Not a [GeneratedRegex]: the generator names its file-local types after the generated file's path, so the
    // assembly's bytes would depend on the folder it is built in (the kits ship this DLL and SkeletonDriftTests compares it).
    private static readonly Regex HandoutName = new(@"^(?<model>[A-Za-z0-9]+)_lr[^_]+_m[^_]+_w[^_]+_d[^_]+$", RegexOptions.CultureInvariant);
}
