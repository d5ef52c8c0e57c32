using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace NeuralNet.Transformer;

/// <summary>
/// The model's hyper-parameters, named as in the handout's notebook (seed 000, Problem 4). The
/// defaults are the notebook family's small CPU configuration (0.21 M parameters with tiny
/// Shakespeare's 65 characters); the course baseline is reference/experiments/transformer/baseline.yaml.
/// </summary>
public sealed record TransformerConfig
{
    /// <summary>Number of distinct tokens (characters). In an experiment file leave it out (0): the runner takes it from the data.</summary>
    [YamlMember(Alias = "vocab_size")]
    [JsonPropertyName("vocab_size")]
    public int VocabSize { get; init; }

    /// <summary>Embedding size C (n_embd).</summary>
    [YamlMember(Alias = "n_embd")]
    [JsonPropertyName("n_embd")]
    public int NEmbd { get; init; } = 64;

    /// <summary>Attention heads per block (n_head); must divide n_embd.</summary>
    [YamlMember(Alias = "n_head")]
    [JsonPropertyName("n_head")]
    public int NHead { get; init; } = 4;

    /// <summary>Number of transformer blocks (n_layer).</summary>
    [YamlMember(Alias = "n_layer")]
    [JsonPropertyName("n_layer")]
    public int NLayer { get; init; } = 4;

    /// <summary>Context length: the longest sequence the model reads (block_size).</summary>
    [YamlMember(Alias = "block_size")]
    [JsonPropertyName("block_size")]
    public int BlockSize { get; init; } = 32;

    /// <summary>Dropout rate in attention, projection and feed-forward (dropout); 0 disables it.</summary>
    [YamlMember(Alias = "dropout")]
    [JsonPropertyName("dropout")]
    public double Dropout { get; init; }

    /// <summary>Throws with the offending field's name unless every value is usable.</summary>
    public void Validate()
    {
        if (FirstProblem() is { } problem)
        {
            throw new ArgumentException($"TransformerConfig: {problem.Key} {problem.Problem}.");
        }
    }

    /// <summary>The first unusable value: its YAML key (e.g. <c>n_head</c>) and what is wrong with it; null when all are usable.</summary>
    internal (string Key, string Problem)? FirstProblem() =>
        VocabSize <= 0 ? ("vocab_size", $"must be positive, found {VocabSize}")
        : NEmbd <= 0 ? ("n_embd", $"must be positive, found {NEmbd}")
        : NHead <= 0 || NEmbd % NHead != 0 ? ("n_head", $"must be positive and divide n_embd ({NEmbd}), found {NHead}")
        : NLayer <= 0 ? ("n_layer", $"must be positive, found {NLayer}")
        : BlockSize <= 0 ? ("block_size", $"must be positive, found {BlockSize}")
        : Dropout is not (>= 0.0 and < 1.0) ? ("dropout", $"must be in [0, 1), found {Dropout}")
        : null;
}
