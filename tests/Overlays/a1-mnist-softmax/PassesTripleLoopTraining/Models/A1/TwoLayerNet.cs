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
        // Written as a student who does not reach for MatMul: every product is a triple loop over element indices.
        int n = x.Dim(0), d = InputSize, h = HiddenSize, c = NumClasses;
        var z1 = Tensor.Zeros(n, h);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < h; j++)
            {
                var sum = B1.Value[j];
                for (var k = 0; k < d; k++)
                {
                    sum += x[i, k] * W1.Value[k, j];
                }

                z1[i, j] = sum;
            }
        }

        var a1 = Sigmoid(z1);
        var z2 = Tensor.Zeros(n, c);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < c; j++)
            {
                var sum = B2.Value[j];
                for (var k = 0; k < h; k++)
                {
                    sum += a1[i, k] * W2.Value[k, j];
                }

                z2[i, j] = sum;
            }
        }

        var p = Softmax(z2);
        var result = new A1Result(CrossEntropyLoss(p, y), ComputeAccuracy(p, y));
        if (mode == A1Mode.Train)
        {
            Backward(x, z1, a1, p, y);
        }

        return result;
    }

    /// <summary>Stores dL/dW1, dL/db1, dL/dW2 and dL/db2 in the parameters' gradients.</summary>
    /// <param name="x">images, shape (N, D)</param>
    /// <param name="z1">x·W1 + b1, shape (N, H)</param>
    /// <param name="a1">sigmoid(z1), shape (N, H)</param>
    /// <param name="p">softmax(a1·W2 + b2), shape (N, C)</param>
    /// <param name="y">labels, length N</param>
    private void Backward(Tensor x, Tensor z1, Tensor a1, Tensor p, int[] y)
    {
        int n = x.Dim(0), d = InputSize, h = HiddenSize, c = NumClasses;
        var dz2 = Tensor.Zeros(n, c);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < c; j++)
            {
                dz2[i, j] = (p[i, j] - (y[i] == j ? 1.0 : 0.0)) / n;
            }
        }

        var dw2 = Tensor.Zeros(h, c);
        var db2 = Tensor.Zeros(c);
        for (var k = 0; k < h; k++)
        {
            for (var j = 0; j < c; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                {
                    sum += a1[i, k] * dz2[i, j];
                }

                dw2[k, j] = sum;
            }
        }

        for (var j = 0; j < c; j++)
        {
            for (var i = 0; i < n; i++)
            {
                db2[j] += dz2[i, j];
            }
        }

        var dz1 = Tensor.Zeros(n, h);
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < h; k++)
            {
                var sum = 0.0;
                for (var j = 0; j < c; j++)
                {
                    sum += dz2[i, j] * W2.Value[k, j];
                }

                var s = a1[i, k];
                dz1[i, k] = sum * s * (1 - s);
            }
        }

        var dw1 = Tensor.Zeros(d, h);
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < d; k++)
            {
                var xik = x[i, k];
                for (var j = 0; j < h; j++)
                {
                    dw1[k, j] += xik * dz1[i, j];
                }
            }
        }

        var db1 = Tensor.Zeros(h);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < h; j++)
            {
                db1[j] += dz1[i, j];
            }
        }

        W1.Grad = dw1;
        B1.Grad = db1;
        W2.Grad = dw2;
        B2.Grad = db2;
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
