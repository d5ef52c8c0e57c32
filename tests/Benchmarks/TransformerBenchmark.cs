using System.Diagnostics;
using System.Globalization;
using NeuralNet;
using NeuralNet.Transformer;

namespace Benchmarks;

/// <summary>
/// <c>transformer</c>: training throughput of the course's tiny transformer in the baseline
/// configuration (reference/experiments/transformer/baseline.yaml) on the sonnets: one JSON line per
/// phase with the median over samples of steps per second and tokens (batch_size * block_size) per second.
/// Phases: <c>train_step</c> (forward, loss, backward, AdamW step), <c>forward</c> (evaluation-mode
/// loss only) and <c>generate</c> (new characters per second with a full block of context).
/// </summary>
internal static class TransformerBenchmark
{
    public static int Run(bool quick)
    {
        var config = TransformerExperimentConfig.LoadYaml(FindRepositoryFile("reference/experiments/transformer/baseline.yaml"));
        var data = ShakespeareData.Load(ShakespeareData.FindDataDirectory());
        var modelConfig = config.Model with { VocabSize = data.Vocabulary.Size };
        var model = new TransformerLanguageModel(modelConfig, new Rng(config.Seed));
        var optimizer = new AdamW(config.Training.LearningRate, weightDecay: config.Training.WeightDecay);
        var parameters = model.Parameters;
        var batchSize = config.Training.BatchSize;
        var blockSize = modelConfig.BlockSize;
        var rng = new Rng(7);
        var batches = Enumerable.Range(0, 64).Select(_ => data.GetBatch(ShakespeareSplit.Train, batchSize, blockSize, rng)).ToArray();
        var next = 0;
        TokenBatch NextBatch() => batches[next++ % batches.Length];

        var warmup = quick ? 3 : 30;
        var samples = quick ? 3 : 7;
        var stepsPerSample = quick ? 5 : 40;
        var tokens = (double)batchSize * blockSize;

        model.Training = true;
        var train = MedianSecondsPerCall(() =>
        {
            var batch = NextBatch();
            model.LossAndGradients(batch.Inputs, batch.Targets);
            optimizer.Step(parameters);
        }, warmup, samples, stepsPerSample);
        Report("train_step", config, model, train, tokens);

        model.Training = false;
        var forward = MedianSecondsPerCall(() =>
        {
            var batch = NextBatch();
            model.Loss(batch.Inputs, batch.Targets);
        }, warmup, samples, stepsPerSample);
        Report("forward", config, model, forward, tokens);

        var context = Tensor.FromArray(Enumerable.Repeat(0.0, blockSize).ToArray(), 1, blockSize);
        var generateTokens = quick ? 20 : 200;
        var generate = MedianSecondsPerCall(() => model.Generate(context, generateTokens, new Rng(1)), 1, samples, 1);
        Report("generate", config, model, generate, generateTokens);
        return 0;
    }

    private static void Report(string phase, TransformerExperimentConfig config, TransformerLanguageModel model, double seconds, double tokens)
    {
        var m = model.Config;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"bench\":\"transformer\",\"phase\":\"{phase}\",\"n_embd\":{m.NEmbd},\"n_head\":{m.NHead},\"n_layer\":{m.NLayer},\"block_size\":{m.BlockSize},\"batch_size\":{config.Training.BatchSize},\"parameters\":{model.ParameterCount},\"seconds_per_call\":{seconds:G4},\"tokens_per_second\":{tokens / seconds:F0},\"threads\":{Environment.ProcessorCount}}}"));
    }

    /// <summary>Median seconds per call over <paramref name="samples"/> samples of <paramref name="callsPerSample"/> calls, after warm-up calls (JIT tiering).</summary>
    private static double MedianSecondsPerCall(Action action, int warmupCalls, int samples, int callsPerSample)
    {
        for (var i = 0; i < warmupCalls; i++)
        {
            action();
        }

        var times = new double[samples];
        for (var s = 0; s < samples; s++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var c = 0; c < callsPerSample; c++)
            {
                action();
            }

            times[s] = Stopwatch.GetElapsedTime(start).TotalSeconds / callsPerSample;
        }

        Array.Sort(times);
        return times[samples / 2];
    }

    private static string FindRepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above {Directory.GetCurrentDirectory()}; run from inside the repository.");
    }
}
