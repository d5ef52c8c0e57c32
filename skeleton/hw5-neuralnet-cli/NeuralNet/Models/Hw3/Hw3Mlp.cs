using NeuralNet.Layers;
using NeuralNet.Losses;

namespace NeuralNet.Models.Hw3;

/// <summary>
/// HW3 3.1's multi-layer perceptron: linear(1) -> relu -> linear(2) -> softmax cross-entropy, with the
/// layers named as in <c>neural_networks.py</c>'s <c>model</c> dictionary: <c>L1</c>, <c>nonlinear1</c>, <c>L2</c>, <c>loss</c>.
/// </summary>
public sealed class Hw3Mlp
{
    /// <summary>HW3's hidden layer size M.</summary>
    public const int DefaultHidden = 1000;

    /// <summary>Builds the network; L1 then L2 draw their parameters from <paramref name="rng"/> (N(0, 0.1)).</summary>
    /// <param name="rng">the seeded generator</param>
    /// <param name="inputDim">d, 784 for 28x28 images</param>
    /// <param name="hidden">M (HW3: 1000; the 3.5 comparison MLP: 128)</param>
    /// <param name="classes">K = 10</param>
    public Hw3Mlp(Rng rng, int inputDim = 784, int hidden = DefaultHidden, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(rng);
        L1 = new Linear(inputDim, hidden, rng);
        Nonlinear1 = new Relu();
        L2 = new Linear(hidden, classes, rng);
        Loss = new SoftmaxCrossEntropy();
    }

    /// <summary>
    /// Builds the network around given linear layers (e.g. from <see cref="Linear.FromWeights"/>), so
    /// <c>backward_pass</c> can be checked without depending on <c>linear.init</c>.
    /// </summary>
    /// <param name="l1">linear(1), W1 shape (d, M)</param>
    /// <param name="l2">linear(2), W2 shape (M, K)</param>
    public Hw3Mlp(Linear l1, Linear l2)
    {
        ArgumentNullException.ThrowIfNull(l1);
        ArgumentNullException.ThrowIfNull(l2);
        if (l1.OutputDim != l2.InputDim)
        {
            throw new ArgumentException($"Hw3Mlp: L1 gives {l1.OutputDim} features but L2 expects {l2.InputDim}.");
        }

        L1 = l1;
        Nonlinear1 = new Relu();
        L2 = l2;
        Loss = new SoftmaxCrossEntropy();
    }

    /// <summary>linear(1): u = xW1 + b1, W1 shape (d, M).</summary>
    public Linear L1 { get; }

    /// <summary>relu: h = max{0, u}.</summary>
    public Relu Nonlinear1 { get; }

    /// <summary>linear(2): a = hW2 + b2, W2 shape (M, K).</summary>
    public Linear L2 { get; }

    /// <summary>softmax followed by the cross-entropy loss.</summary>
    public SoftmaxCrossEntropy Loss { get; }

    /// <summary>The layers with their HW3 names, in forward order.</summary>
    public IReadOnlyList<(string Name, Module Layer)> Layers => [("L1", L1), ("nonlinear1", Nonlinear1), ("L2", L2)];

    /// <summary>W1, b1, W2, b2.</summary>
    public IReadOnlyList<Parameter> Parameters => [.. L1.Parameters, .. L2.Parameters];

    /// <summary>d*M + M + M*K + K, e.g. 101770 for 784-128-10.</summary>
    public int ParameterCount => L1.ParameterCount + L2.ParameterCount;
}
