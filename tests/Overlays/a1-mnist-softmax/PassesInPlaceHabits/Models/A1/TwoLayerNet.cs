using NeuralNet.Layers;
using NeuralNet.Losses;

namespace NeuralNet.Models.A1;

/// <summary>
/// A1's two-layer MLP: fully connected (with bias) -> sigmoid -> fully connected (with bias) -> softmax and
/// cross-entropy (A1 section 2.2): p = softmax(sigmoid(x W1 + b1) W2 + b2).
/// </summary>
public sealed class TwoLayerNet : A1BaseNetwork
{
    /// <summary>A1's hidden layer size.</summary>
    public const int DefaultHiddenSize = 128;

    /// <summary>
    /// Creates the model as A1's <c>_weight_init</c>: b1 = b2 = 0; W1 and W2 = 0.001 * N(0, 1), each drawn
    /// right after re-seeding with 1024, so W2's values start like W1's.
    /// </summary>
    /// <param name="inputSize">28*28</param>
    /// <param name="numClasses">10</param>
    /// <param name="hiddenSize">hidden units H</param>
    /// <param name="seed">the seed used before each weight matrix</param>
    public TwoLayerNet(int inputSize = 28 * 28, int numClasses = 10, int hiddenSize = DefaultHiddenSize, ulong seed = SoftmaxRegression.DefaultSeed)
        : base(inputSize, numClasses)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        HiddenSize = hiddenSize;
        B1 = new Parameter("b1", Tensor.Zeros(hiddenSize));
        B2 = new Parameter("b2", Tensor.Zeros(numClasses));
        W1 = new Parameter("W1", Tensor.RandomNormal([inputSize, hiddenSize], 0.0, 0.001, new Rng(seed)));
        W2 = new Parameter("W2", Tensor.RandomNormal([hiddenSize, numClasses], 0.0, 0.001, new Rng(seed)));
    }

    /// <summary>Hidden units H.</summary>
    public int HiddenSize { get; }

    /// <summary>First weights, shape (D, H).</summary>
    public Parameter W1 { get; }

    /// <summary>First bias, shape (H).</summary>
    public Parameter B1 { get; }

    /// <summary>Second weights, shape (H, C).</summary>
    public Parameter W2 { get; }

    /// <summary>Second bias, shape (C).</summary>
    public Parameter B2 { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [W1, B1, W2, B2];

    /// <summary>The loss and accuracy of a batch; in train mode also every gradient.</summary>
    /// <param name="x">images, shape (N, D)</param>
    /// <param name="y">labels, length N</param>
    /// <param name="mode">train fills W1, b1, W2 and b2's gradients</param>
    /// <returns>the mean cross-entropy and the accuracy</returns>
    public override A1Result Forward(Tensor x, int[] y, A1Mode mode = A1Mode.Train)
    {
        RequireInput(x);
        var z1 = x.MatMul(W1.Value);
        z1.AddInPlace(B1.Value); // bias broadcast over the rows, numpy's z1 += b1
        var a1 = Sigmoid(z1);
        var z2 = a1.MatMul(W2.Value);
        z2.AddInPlace(B2.Value);
        var p = Softmax(z2);
        if (mode == A1Mode.Train)
        {
            Backward(x, z1, a1, p, y);
        }

        return new A1Result(CrossEntropyLoss(p, y), ComputeAccuracy(p, y));
    }

    /// <summary>Stores dL/dW1, dL/db1, dL/dW2 and dL/db2 in the parameters' gradients.</summary>
    /// <param name="x">images, shape (N, D)</param>
    /// <param name="z1">x·W1 + b1, shape (N, H)</param>
    /// <param name="a1">sigmoid(z1), shape (N, H)</param>
    /// <param name="p">softmax(a1·W2 + b2), shape (N, C)</param>
    /// <param name="y">labels, length N</param>
    private void Backward(Tensor x, Tensor z1, Tensor a1, Tensor p, int[] y)
    {
        // sigma'(z1) = a1 (1 - a1): the forward's activations already hold sigma(z1)
        var g = p.Clone();
        for (var i = 0; i < y.Length; i++)
        {
            g[i, y[i]] -= 1.0;
        }

        g.ScaleInPlace(1.0 / y.Length);
        var back = g.MatMul(W2.Value.T);
        back.MultiplyInPlace(a1 * (1.0 - a1));
        W1.Grad = x.T.MatMul(back);
        B1.Grad = back.Mean(0) * y.Length;
        W2.Grad = a1.T.MatMul(g);
        B2.Grad = g.Mean(0) * y.Length;
    }

    private void RequireInput(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || x.Dim(1) != InputSize)
        {
            throw new ArgumentException($"TwoLayerNet: expected x of shape (N, {InputSize}), found ({string.Join(", ", x.Shape)}).");
        }
    }
}
