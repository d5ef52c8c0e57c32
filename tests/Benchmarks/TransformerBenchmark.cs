using System.Globalization;
using NeuralNet;
using NeuralNet.Transformer;

namespace Benchmarks;

/// <summary>
/// <c>transformer</c>: speed of the course's tiny transformer in the baseline configuration
/// (reference/experiments/transformer/baseline.yaml) on the sonnets, one JSON line per phase with the
/// median wall seconds per call, tokens per second, and the process CPU seconds per call (all threads;
/// steadier than wall time on a shared machine) with tokens per CPU second. Phases: <c>train_step</c> (forward, loss, backward
/// and AdamW step on batch_size * block_size tokens), <c>forward</c> (evaluation-mode loss, the cost of
/// one estimate_loss batch) and <c>generate</c> (new characters per second with a full context).
/// </summary>
internal static class TransformerBenchmark
{
    public static int Run(BenchmarkOptions options)
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

        var warmup = options.Quick ? 0.2 : 3.0;
        var samples = options.Quick ? 3 : 9;
        var sample = options.Quick ? 0.2 : 2.0;
        var tokens = (double)batchSize * blockSize;

        model.Training = true;
        var train = Timing.MedianSeconds(() =>
        {
            var batch = NextBatch();
            model.LossAndGradients(batch.Inputs, batch.Targets);
            optimizer.Step(parameters);
        }, warmup, samples, sample).Median;
        Report("train_step", config, model, train, tokens);

        model.Training = false;
        var forward = Timing.MedianSeconds(() =>
        {
            var batch = NextBatch();
            model.Loss(batch.Inputs, batch.Targets);
        }, warmup, samples, sample).Median;
        Report("forward", config, model, forward, tokens);

        var context = Tensor.FromArray(new double[blockSize], 1, blockSize);
        const int NewTokens = 50;
        var generate = Timing.MedianSeconds(() => model.Generate(context, NewTokens, new Rng(1)), warmup, samples, sample).Median;
        Report("generate", config, model, generate, NewTokens);
        return 0;
    }

    private static void Report(string phase, TransformerExperimentConfig config, TransformerLanguageModel model, (double Median, double CpuPerCall) time, double tokens)
    {
        var m = model.Config;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"bench\":\"transformer\",\"phase\":\"{phase}\",\"n_embd\":{m.NEmbd},\"n_head\":{m.NHead},\"n_layer\":{m.NLayer},\"block_size\":{m.BlockSize},\"batch_size\":{config.Training.BatchSize},\"parameters\":{model.ParameterCount},\"seconds\":{time.Median:G4},\"tokens_per_second\":{tokens / time.Median:F0},\"cpu_seconds\":{time.CpuPerCall:G4},\"tokens_per_cpu_second\":{tokens / time.CpuPerCall:F0},\"cores\":{Environment.ProcessorCount}}}"));
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
