using System.Text.Json.Serialization;
using NeuralNet.Experiments;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
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
    /// <exception cref="InvalidDataException">malformed YAML, unknown key or invalid value (the message names the file, line and key)</exception>
    public static TransformerExperimentConfig LoadYaml(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: experiment file not found.", path);
        }

        return ParseYaml(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Parses and validates experiment YAML. Errors read <c>source:line: key.path: problem</c>, e.g.
    /// <c>baseline.yaml:8: model.n_head: must be positive and divide n_embd (64), found 3.</c>
    /// </summary>
    /// <param name="yaml">the experiment text</param>
    /// <param name="source">named in errors (the file path)</param>
    public static TransformerExperimentConfig ParseYaml(string yaml, string source = "experiment")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (NeuralNet.Experiments.YamlGuard.Problem(yaml) is { } guard)
        {
            throw new InvalidDataException($"{source}:{guard.Line}: {(guard.Path.Length == 0 ? "" : guard.Path + ": ")}{guard.Message}");
        }

        var locator = new YamlLocator(yaml);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        TransformerExperimentConfig? config;
        try
        {
            config = deserializer.Deserialize<TransformerExperimentConfig?>(yaml);
        }
        catch (YamlException e)
        {
            var key = locator.PathAt(e.Start);
            var reason = (e.InnerException?.Message ?? e.Message).Trim();
            if (reason.Contains("not found on type", StringComparison.Ordinal))
            {
                var section = key.Contains('.', StringComparison.Ordinal) ? key[..key.LastIndexOf('.')] : "";
                reason = $"unknown key; expected one of: {string.Join(", ", KeysOf(section))}";
            }
            else if (TypeOf(key) is { } type && locator.ScalarAt(key) is { } found)
            {
                reason = $"expected {type}, found '{found}'";
            }

            throw new InvalidDataException($"{source}:{e.Start.Line}: {(key.Length > 0 ? key + ": " : "")}{reason}", e);
        }

        config ??= new TransformerExperimentConfig();
        if (config.FirstProblem() is { } problem)
        {
            throw new InvalidDataException($"{source}:{locator.LineOf(problem.Key) ?? 1}: {problem.Key}: {problem.Problem}.");
        }

        return config;
    }

    /// <summary>
    /// Whether YAML text describes a transformer experiment rather than a course training run
    /// (<c>NeuralNet.Experiments.ExperimentConfig</c>): no <c>assignment</c> key, and a <c>sampling</c>
    /// section or one of the transformer's model keys (n_embd, n_head, n_layer, block_size).
    /// </summary>
    /// <param name="yaml">the file's text (malformed or hostile YAML, which <see cref="YamlGuard"/> refuses, is not a transformer experiment: the course loader reports it)</param>
    public static bool IsTransformerExperiment(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        if (YamlGuard.Problem(yaml) is not null)
        {
            return false;
        }

        YamlNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0)
            {
                return false;
            }

            root = stream.Documents[0].RootNode;
        }
        catch (YamlException)
        {
            return false;
        }

        if (root is not YamlMappingNode mapping || mapping.Children.ContainsKey(new YamlScalarNode("assignment")))
        {
            return false;
        }

        if (mapping.Children.ContainsKey(new YamlScalarNode("sampling")))
        {
            return true;
        }

        return mapping.Children.TryGetValue(new YamlScalarNode("model"), out var model) && model is YamlMappingNode modelKeys
            && modelKeys.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value is "n_embd" or "n_head" or "n_layer" or "block_size");
    }

    /// <summary>
    /// The same experiment cut to at most <paramref name="maxSteps"/> optimisation steps (a smoke run);
    /// evaluation keeps its interval, so a short run is evaluated at step 0 and its last step.
    /// </summary>
    /// <param name="maxSteps">at least 1</param>
    public TransformerExperimentConfig WithMaxSteps(int maxSteps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        return this with { Training = Training with { MaxIters = Math.Min(Training.MaxIters, maxSteps) } };
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (FirstProblem() is { } problem)
        {
            throw new ArgumentException($"{problem.Key} {problem.Problem}.");
        }
    }

    /// <summary>The first invalid field: its dotted YAML path (e.g. <c>training.batch_size</c>) and the problem; null when valid.</summary>
    private (string Key, string Problem)? FirstProblem()
    {
        if (string.IsNullOrEmpty(Name) || !Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            return ("name", $"must be non-empty and use letters, digits, '_', '-' or '.', found \"{Name}\"");
        }

        if (Model is null || Training is null || Sampling is null)
        {
            return (Model is null ? "model" : Training is null ? "training" : "sampling", "must be a mapping, found an empty value");
        }

        // vocab_size is filled in from the data; check the rest with a placeholder.
        if ((Model with { VocabSize = Math.Max(Model.VocabSize, 1) }).FirstProblem() is { } model)
        {
            return ("model." + model.Key, model.Problem);
        }

        var t = Training;
        return t.BatchSize <= 0 ? ("training.batch_size", $"must be positive, found {t.BatchSize}")
            : !(t.LearningRate > 0) ? ("training.learning_rate", $"must be positive, found {t.LearningRate}")
            : !(t.WeightDecay >= 0) ? ("training.weight_decay", $"must be >= 0, found {t.WeightDecay}")
            : t.MaxIters <= 0 ? ("training.max_iters", $"must be positive, found {t.MaxIters}")
            : t.EvalInterval <= 0 ? ("training.eval_interval", $"must be positive, found {t.EvalInterval}")
            : t.EvalIters <= 0 ? ("training.eval_iters", $"must be positive, found {t.EvalIters}")
            : Sampling.MaxNewTokens < 0 ? ("sampling.max_new_tokens", $"must be >= 0, found {Sampling.MaxNewTokens}")
            : null;
    }

    private static Type SectionType(string section) => section switch
    {
        "model" => typeof(TransformerConfig),
        "training" => typeof(TransformerTrainingOptions),
        "sampling" => typeof(TransformerSamplingOptions),
        _ => typeof(TransformerExperimentConfig),
    };

    private static IEnumerable<string> KeysOf(string section) => SectionType(section).GetProperties().Select(Alias).OfType<string>();

    /// <summary>What a scalar key holds, in words ("an integer"), or null for a section or an unknown key.</summary>
    private static string? TypeOf(string key)
    {
        var dot = key.LastIndexOf('.');
        var name = key[(dot + 1)..];
        var property = SectionType(dot < 0 ? "" : key[..dot]).GetProperties().FirstOrDefault(p => Alias(p) == name);
        return property?.PropertyType switch
        {
            { } t when t == typeof(int) => "an integer",
            { } t when t == typeof(ulong) => "a non-negative integer",
            { } t when t == typeof(double) => "a number",
            { } t when t == typeof(string) => "a string",
            _ => null,
        };
    }

    private static string? Alias(System.Reflection.PropertyInfo property) =>
        property.GetCustomAttributes(typeof(YamlMemberAttribute), false).OfType<YamlMemberAttribute>().FirstOrDefault()?.Alias;
}
