namespace NeuralNet.Gradients;

/// <summary>The l1 norm of the first layer's weight gradient on one batch size (HW3 3.1.5's magnitude checker).</summary>
/// <param name="BatchSize">the number of examples the gradient was computed on</param>
/// <param name="L1Norm">sum of |dW1| entries</param>
public sealed record MagnitudeCheck(int BatchSize, double L1Norm);
