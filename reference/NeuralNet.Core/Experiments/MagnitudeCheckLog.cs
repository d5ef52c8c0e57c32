namespace NeuralNet.Experiments;

/// <summary>HW3 3.1.5's magnitude check on one batch size: the l1 norm of dW1.</summary>
/// <param name="BatchSize">examples in the batch (50 or 5000)</param>
/// <param name="L1Norm">sum of |dW1|</param>
public sealed record MagnitudeCheckLog(int BatchSize, double L1Norm);
