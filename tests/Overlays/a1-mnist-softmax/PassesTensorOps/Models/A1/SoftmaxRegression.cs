using NeuralNet.Layers;
using NeuralNet.Losses;

namespace NeuralNet.Models.A1;

/// <summary>
/// A1's softmax regression: one fully connected layer without bias, followed by ReLU, then softmax and
/// cross-entropy (A1 section 2.2): p = softmax(ReLU(x W1)).
/// </summary>
public sealed class SoftmaxRegression : A1BaseNetwork
{
    /// <summary>A1's <c>np.random.seed(1024)</c> before drawing the weights.</summary>
    public const ulong DefaultSeed = 1024;

    /// <summary>Creates the model with W1 = 0.001 * N(0, 1) and a zero gradient (A1's <c>_weight_init</c>).</summary>
    /// <param name="inputSize">28*28</param>
    /// <param name="numClasses">10</param>
    /// <param name="rng">the generator (default: seeded with 1024)</param>
    public SoftmaxRegression(int inputSize = 28 * 28, int numClasses = 10, Rng? rng = null)
        : base(inputSize, numClasses)
    {
        W1 = new Parameter("W1", Tensor.RandomNormal([inputSize, numClasses], 0.0, 0.001, rng ?? new Rng(DefaultSeed)));
    }

    /// <summary>Weights, shape (InputSize, NumClasses).</summary>
    public Parameter W1 { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [W1];

    /// <summary>The loss and accuracy of a batch; in train mode also dW1.</summary>
    /// <param name="x">images, shape (N, InputSize)</param>
    /// <param name="y">labels, length N</param>
    /// <param name="mode">train fills <c>W1.Grad</c></param>
    /// <returns>the mean cross-entropy and the accuracy</returns>
    public override A1Result Forward(Tensor x, int[] y, A1Mode mode = A1Mode.Train)
    {
        RequireInput(x);
        Tensor z = x.MatMul(W1.Value);
        Tensor p = Softmax(Relu(z));
        double loss = CrossEntropyLoss(p, y);
        double accuracy = ComputeAccuracy(p, y);
        if (mode != A1Mode.Train)
        {
            return new A1Result(loss, accuracy);
        }

        Backward(x, z, p, y);
        return new A1Result(loss, accuracy);
    }

    /// <summary>Stores dL/dW1 in <c>W1.Grad</c>.</summary>
    /// <param name="x">images, shape (N, D)</param>
    /// <param name="z">x·W1, shape (N, C)</param>
    /// <param name="p">softmax(ReLU(z)), shape (N, C)</param>
    /// <param name="y">labels, length N</param>
    private void Backward(Tensor x, Tensor z, Tensor p, int[] y)
    {
        var oneHot = Tensor.Zeros(p.Shape);
        for (var i = 0; i < y.Length; i++)
        {
            oneHot[i, y[i]] = 1.0;
        }

        // scale after the product: x^T ((p - Y) * relu'(z)) / N
        var dZ = (p - oneHot) * ReluDev(z);
        W1.Grad = x.T.MatMul(dZ) / y.Length;
    }

    private void RequireInput(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2 || x.Dim(1) != InputSize)
        {
            throw new ArgumentException($"SoftmaxRegression: expected x of shape (N, {InputSize}), found ({string.Join(", ", x.Shape)}).");
        }
    }
}
