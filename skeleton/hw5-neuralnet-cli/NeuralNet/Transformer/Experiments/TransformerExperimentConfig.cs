using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NeuralNet.Transformer;

/// <summary>
/// One transformer run as written in reference/experiments/transformer/*.yaml: a name (the log file
/// is &lt;name&gt;.json), a seed, and the model, training and sampling sections. Unknown keys are errors.
/// </summary>
public sealed record TransformerExperimentConfig
{
    /// <summary>Run name; also the log's file name, so letters, digits, '_', '-' and '.' only.</summary>
    [YamlMember(Alias = "name")]
    [JsonPropertyName("name")]
    public string Name { get; init; } = "transformer_baseline";

    /// <summary>Seed of every random draw: initial weights, batches, dropout and sampling.</summary>
    [YamlMember(Alias = "seed")]
    [JsonPropertyName("seed")]
    public ulong Seed { get; init; } = 1337;

    /// <summary>Model hyper-parameters (vocab_size comes from the data).</summary>
    [YamlMember(Alias = "model")]
    [JsonPropertyName("model")]
    public TransformerConfig Model { get; init; } = new();

    /// <summary>Optimiser and loop settings.</summary>
    [YamlMember(Alias = "training")]
    [JsonPropertyName("training")]
    public TransformerTrainingOptions Training { get; init; } = new();

    /// <summary>Text generation before and after training.</summary>
    [YamlMember(Alias = "sampling")]
    [JsonPropertyName("sampling")]
    public TransformerSamplingOptions Sampling { get; init; } = new();

    /// <summary>Reads and validates an experiment file.</summary>
    /// <exception cref="FileNotFoundException">no such file</exception>
    /// <exception cref="InvalidDataException">malformed YAML, unknown key or invalid value (the message names the file)</exception>
    public static TransformerExperimentConfig LoadYaml(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: experiment file not found.", path);
        }

        return ParseYaml(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates experiment YAML; <paramref name="source"/> is named in errors.</summary>
    public static TransformerExperimentConfig ParseYaml(string yaml, string source = "experiment")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (NeuralNet.Experiments.YamlGuard.Problem(yaml) is { } guard)
        {
            throw new InvalidDataException($"{source}:{guard.Line}: {(guard.Path.Length == 0 ? "" : guard.Path + ": ")}{guard.Message}");
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        TransformerExperimentConfig? config;
        try
        {
            config = deserializer.Deserialize<TransformerExperimentConfig?>(yaml);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{source}: {e.Message} {e.InnerException?.Message}".TrimEnd(), e);
        }

        config ??= new TransformerExperimentConfig();
        try
        {
            config.Validate();
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }

        return config;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Name) || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new ArgumentException($"name must be non-empty and use letters, digits, '_', '-' or '.', found \"{Name}\".");
        }

        ArgumentNullException.ThrowIfNull(Model);
        ArgumentNullException.ThrowIfNull(Training);
        ArgumentNullException.ThrowIfNull(Sampling);
        // vocab_size is filled in from the data; check the rest with a placeholder.
        (Model with { VocabSize = Math.Max(Model.VocabSize, 1) }).Validate();
        var t = Training;
        Require(t.BatchSize > 0, $"training.batch_size must be positive, found {t.BatchSize}");
        Require(t.LearningRate > 0, $"training.learning_rate must be positive, found {t.LearningRate}");
        Require(t.WeightDecay >= 0, $"training.weight_decay must be >= 0, found {t.WeightDecay}");
        Require(t.MaxIters > 0, $"training.max_iters must be positive, found {t.MaxIters}");
        Require(t.EvalInterval > 0, $"training.eval_interval must be positive, found {t.EvalInterval}");
        Require(t.EvalIters > 0, $"training.eval_iters must be positive, found {t.EvalIters}");
        Require(Sampling.MaxNewTokens >= 0, $"sampling.max_new_tokens must be >= 0, found {Sampling.MaxNewTokens}");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message + ".");
        }
    }
}
