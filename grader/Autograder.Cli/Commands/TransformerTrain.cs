using System.Globalization;
using NeuralNet.Transformer;

namespace Autograder.Cli;

/// <summary>
/// The transformer half of `autograder train` (seed 000, Problem 4): runs a
/// reference/experiments/transformer/*.yaml file with <see cref="TransformerExperiment.Run(TransformerExperimentConfig, string, ShakespeareData, TextWriter?)"/>
/// and writes its loss log &lt;name&gt;.json. The train command sends a file here when
/// <see cref="TransformerExperimentConfig.IsTransformerExperiment"/> says it is one.
/// </summary>
internal static class TransformerTrain
{
    /// <summary>Steps of a <c>--quick</c> smoke run.</summary>
    public const int QuickSteps = 20;

    /// <summary>Runs one transformer experiment; returns the exit code (0 ok, 1 failed run, 2 bad input).</summary>
    /// <param name="experimentPath">the YAML file</param>
    /// <param name="outDir">folder for the log</param>
    /// <param name="maxSteps">--max-steps: at most this many optimisation steps (null keeps max_iters)</param>
    /// <param name="quick">--quick: at most <see cref="QuickSteps"/> steps</param>
    /// <param name="epochs">--epochs, which a transformer run does not have (an error when set)</param>
    /// <param name="dataDir">--data: the folder holding shakespeare/sonnets.txt (default: $AUTOGRADER_DATA, else data/ above the current folder)</param>
    /// <param name="output">progress and summary</param>
    /// <param name="error">error messages</param>
    public static int Run(string experimentPath, string outDir, int? maxSteps, bool quick, int? epochs, string? dataDir, TextWriter output, TextWriter error)
    {
        TransformerExperimentConfig config;
        try
        {
            if (epochs is not null)
            {
                throw new InvalidDataException($"--epochs: {experimentPath} is a transformer experiment, which counts optimisation steps, not epochs; use --max-steps N");
            }

            if (maxSteps is < 1)
            {
                throw new InvalidDataException($"--max-steps: expected at least 1, found {maxSteps}");
            }

            config = TransformerExperimentConfig.LoadYaml(experimentPath);
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            error.WriteLine($"train: {e.Message}");
            return 2;
        }

        var steps = quick ? Math.Min(maxSteps ?? QuickSteps, QuickSteps) : maxSteps;
        if (steps is { } n)
        {
            config = config.WithMaxSteps(n);
        }

        try
        {
            var data = ShakespeareData.Load(dataDir ?? ShakespeareData.FindDataDirectory());
            var t = config.Training;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{config.Name}: transformer n_embd {config.Model.NEmbd}, n_head {config.Model.NHead}, n_layer {config.Model.NLayer}, block_size {config.Model.BlockSize}, AdamW lr {t.LearningRate}, batch {t.BatchSize}, {t.MaxIters} steps{(steps is null ? "" : " (shortened)")}"));
            var result = TransformerExperiment.Run(config, outDir, data, output);
            var log = result.Log;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{log.Name}: {log.Parameters} parameters, step {log.EvalSteps[^1]}: train loss {log.TrainLoss[^1]:F4}, val loss {log.ValLoss[^1]:F4}; {result.TokensPerSecond:F0} training tokens/s; wrote {result.LogPath}"));
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            error.WriteLine($"train: {config.Name}: {e.Message}");
            return 1;
        }
    }
}
