using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace NeuralNet.Transformer;

/// <summary>The training section of an experiment file; names and meaning as in the handout's notebook.</summary>
public sealed record TransformerTrainingOptions
{
    /// <summary>Sequences per step (batch_size).</summary>
    [YamlMember(Alias = "batch_size")]
    [JsonPropertyName("batch_size")]
    public int BatchSize { get; init; } = 16;

    /// <summary>AdamW step size (learning_rate); the notebook's small configuration uses 1e-3.</summary>
    [YamlMember(Alias = "learning_rate")]
    [JsonPropertyName("learning_rate")]
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Decoupled weight decay of AdamW; 0.01 is PyTorch's default, which the notebook keeps.</summary>
    [YamlMember(Alias = "weight_decay")]
    [JsonPropertyName("weight_decay")]
    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Number of optimisation steps (max_iters).</summary>
    [YamlMember(Alias = "max_iters")]
    [JsonPropertyName("max_iters")]
    public int MaxIters { get; init; } = 5000;

    /// <summary>Steps between loss estimates (eval_interval); the last step is always evaluated.</summary>
    [YamlMember(Alias = "eval_interval")]
    [JsonPropertyName("eval_interval")]
    public int EvalInterval { get; init; } = 100;

    /// <summary>Batches averaged per split for each loss estimate (eval_iters).</summary>
    [YamlMember(Alias = "eval_iters")]
    [JsonPropertyName("eval_iters")]
    public int EvalIters { get; init; } = 200;
}
