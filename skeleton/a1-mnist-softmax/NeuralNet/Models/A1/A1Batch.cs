namespace NeuralNet.Models.A1;

/// <summary>One batch of A1's <c>generate_batched_data</c>.</summary>
/// <param name="X">images, shape (B, D); the last batch may be smaller</param>
/// <param name="Labels">labels, length B</param>
public sealed record A1Batch(Tensor X, int[] Labels);
