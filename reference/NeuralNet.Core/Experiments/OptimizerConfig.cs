namespace NeuralNet.Experiments;

/// <summary>The parameter update of a run.</summary>
public sealed record OptimizerConfig
{
    /// <summary>
    /// "sgd": w -= eta g, plus A1's L2 term on weights (HW3 3.1.3, A1 eq. 3-4). "momentum": HW3 3.4,
    /// v = alpha v + g, w -= eta v. "hw6": HW6's <c>miniBatchStochasticGradientDescent</c> with weight decay
    /// on every parameter and v = alpha v - eta g, w += v.
    /// </summary>
    public string Type { get; init; } = "sgd";

    /// <summary>eta (HW3/HW6 <c>--learning_rate</c> 0.01; A1 0.1).</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>alpha, the momentum factor ("momentum" and "hw6"; HW6 <c>--alpha</c>, the "m" in its log names).</summary>
    public double Momentum { get; init; }

    /// <summary>lambda of HW6's weight decay (<c>--lambda</c>, the "w" in its log names); "hw6" only.</summary>
    public double WeightDecay { get; init; }

    /// <summary>A1's <c>reg</c>: lambda of (1/2) lambda sum w^2 on the weights, not the biases; "sgd" only.</summary>
    public double L2 { get; init; }

    /// <summary>Multiply eta by <see cref="DecayFactor"/> every this-many epochs (HW6's <c>_step = 10</c>); null keeps eta constant.</summary>
    public int? DecayEvery { get; init; }

    /// <summary>The decay multiplier (HW6: 0.1).</summary>
    public double DecayFactor { get; init; } = 0.1;
}
