namespace NeuralNet.Perceptrons;

/// <summary>
/// A1 theory question 2's linear threshold neuron f(x) = 1 if wᵀx + b &gt;= 0, else 0, with the AND and OR
/// weights of the reference answer.
/// </summary>
/// <param name="W1">weight of x1</param>
/// <param name="W2">weight of x2</param>
/// <param name="B">bias</param>
public sealed record ThresholdNeuron(double W1, double W2, double B)
{
    /// <summary>AND: w = (1, 1), b = -1.5.</summary>
    public static ThresholdNeuron And { get; } = new(1, 1, -1.5);

    /// <summary>OR: w = (1, 1), b = -0.5.</summary>
    public static ThresholdNeuron Or { get; } = new(1, 1, -0.5);

    /// <summary>f(x1, x2).</summary>
    public int Fire(int x1, int x2) => W1 * x1 + W2 * x2 + B >= 0 ? 1 : 0;
}
