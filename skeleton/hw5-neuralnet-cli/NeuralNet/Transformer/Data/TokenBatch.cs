namespace NeuralNet.Transformer;

/// <summary>A mini-batch of sequences and their next tokens (the handout's <c>xb, yb</c>).</summary>
/// <param name="Inputs">token indices, shape (B, T)</param>
/// <param name="Targets">the next token at each position (inputs shifted by one), shape (B, T)</param>
public sealed record TokenBatch(Tensor Inputs, Tensor Targets);
