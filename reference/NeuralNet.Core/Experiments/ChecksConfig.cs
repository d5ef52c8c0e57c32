namespace NeuralNet.Experiments;

/// <summary>HW3 3.1.5's debugging aids (<c>--check_gradient</c>, <c>--check_magnitude</c>), run on the initial weights.</summary>
public sealed record ChecksConfig
{
    /// <summary>Compare entry (0, 0) of W1, b1, W2, b2 from backpropagation with the central difference (eps = 1e-3).</summary>
    public bool Gradient { get; init; }

    /// <summary>Compare the l1 norm of dW1 on batches of 50 and 5000 examples.</summary>
    public bool Magnitude { get; init; }
}
