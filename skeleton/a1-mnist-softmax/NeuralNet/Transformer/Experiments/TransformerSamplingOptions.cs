using System.Text.Json.Serialization;
using YamlDotNet.Serialization;

namespace NeuralNet.Transformer;

/// <summary>The sampling section of an experiment file: how much text to generate before and after training.</summary>
public sealed record TransformerSamplingOptions
{
    /// <summary>Characters generated after the starting newline (the notebook's max_new_tokens).</summary>
    [YamlMember(Alias = "max_new_tokens")]
    [JsonPropertyName("max_new_tokens")]
    public int MaxNewTokens { get; init; } = 500;
}
