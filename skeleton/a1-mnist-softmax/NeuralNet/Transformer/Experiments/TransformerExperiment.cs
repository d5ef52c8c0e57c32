using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace NeuralNet.Transformer;

/// <summary>
/// Runs one transformer experiment the way the handout's notebook does (seed 000, Problem 4.1):
/// sample from the untrained model, train with AdamW on random windows of the training text,
/// estimate train and validation loss every eval_interval steps (and at the last step), then sample
/// again with the same sampling seed. Writes the loss log &lt;name&gt;.json into the output folder.
/// </summary>
public static class TransformerExperiment
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Loads the sonnets from the repository's data folder and runs <paramref name="config"/>.</summary>
    /// <param name="config">the experiment (validated here)</param>
    /// <param name="outDir">folder for &lt;name&gt;.json (created if missing)</param>
    /// <param name="progress">optional: one line per evaluation, like the notebook's prints</param>
    public static TransformerRunResult Run(TransformerExperimentConfig config, string outDir, TextWriter? progress = null) =>
        Run(config, outDir, ShakespeareData.Load(ShakespeareData.FindDataDirectory()), progress);

    /// <summary>Runs <paramref name="config"/> on the given text data.</summary>
    /// <param name="config">the experiment (validated here)</param>
    /// <param name="outDir">folder for &lt;name&gt;.json (created if missing)</param>
    /// <param name="data">the text and its train/validation split</param>
    /// <param name="progress">optional: one line per evaluation</param>
    public static TransformerRunResult Run(TransformerExperimentConfig config, string outDir, ShakespeareData data, TextWriter? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(data);
        config.Validate();
        if (config.Model.VocabSize != 0 && config.Model.VocabSize != data.Vocabulary.Size)
        {
            throw new ArgumentException($"{config.Name}: model.vocab_size is {config.Model.VocabSize} but the data has {data.Vocabulary.Size} characters; leave vocab_size out.");
        }

        var resolved = config with { Model = config.Model with { VocabSize = data.Vocabulary.Size } };
        var t = resolved.Training;
        var blockSize = resolved.Model.BlockSize;

        // Separate streams, so changing eval_iters does not change the initial weights.
        var root = new Rng(resolved.Seed);
        var model = new TransformerLanguageModel(resolved.Model, root.Fork());
        var batchRng = root.Fork();
        var sampleSeed = root.NextUInt64();
        var optimizer = new AdamW(t.LearningRate, weightDecay: t.WeightDecay);
        var parameters = model.Parameters;

        var samplesBefore = new[] { Sample(model, data, resolved.Sampling.MaxNewTokens, sampleSeed) };
        var steps = new List<int>();
        var trainLoss = new List<double>();
        var valLoss = new List<double>();
        var trainingTime = new Stopwatch();
        for (var iter = 0; iter < t.MaxIters; iter++)
        {
            if (iter % t.EvalInterval == 0 || iter == t.MaxIters - 1)
            {
                var train = EstimateLoss(model, data, ShakespeareSplit.Train, t, blockSize, batchRng);
                var val = EstimateLoss(model, data, ShakespeareSplit.Validation, t, blockSize, batchRng);
                steps.Add(iter);
                trainLoss.Add(train);
                valLoss.Add(val);
                progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{resolved.Name} step {iter}: train loss {train:F4}, val loss {val:F4}"));
            }

            var batch = data.GetBatch(ShakespeareSplit.Train, t.BatchSize, blockSize, batchRng);
            trainingTime.Start();
            // Backward overwrites every gradient, so no zero_grad is needed between steps.
            model.LossAndGradients(batch.Inputs, batch.Targets);
            optimizer.Step(parameters);
            trainingTime.Stop();
        }

        var samplesAfter = new[] { Sample(model, data, resolved.Sampling.MaxNewTokens, sampleSeed) };
        var log = new TransformerRunLog(resolved.Name, resolved, resolved.Seed, model.ParameterCount,
            steps, trainLoss, valLoss, samplesBefore, samplesAfter);
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, resolved.Name + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(log, JsonOptions) + "\n");

        var seconds = trainingTime.Elapsed.TotalSeconds;
        var tokens = (double)t.MaxIters * t.BatchSize * blockSize;
        return new TransformerRunResult(log, path, seconds, seconds > 0 ? tokens / seconds : double.NaN);
    }

    /// <summary>The notebook's <c>estimate_loss</c>: mean loss of eval_iters random batches, in evaluation mode.</summary>
    private static double EstimateLoss(TransformerLanguageModel model, ShakespeareData data, ShakespeareSplit split, TransformerTrainingOptions t, int blockSize, Rng rng)
    {
        model.Training = false;
        var sum = 0.0;
        for (var k = 0; k < t.EvalIters; k++)
        {
            var batch = data.GetBatch(split, t.BatchSize, blockSize, rng);
            sum += model.Loss(batch.Inputs, batch.Targets);
        }

        model.Training = true;
        return sum / t.EvalIters;
    }

    /// <summary>Generates from a single newline (token 0, the notebook's <c>torch.zeros((1, 1))</c>).</summary>
    private static string Sample(TransformerLanguageModel model, ShakespeareData data, int maxNewTokens, ulong seed)
    {
        var start = data.Vocabulary.Encode(data.Vocabulary.Characters[0].ToString());
        var context = Tensor.FromArray([start[0]], 1, 1);
        var tokens = model.Generate(context, maxNewTokens, new Rng(seed)).ToArray();
        return data.Vocabulary.Decode(tokens.Select(v => (int)v));
    }
}
