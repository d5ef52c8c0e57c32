using NeuralNet.Layers;

namespace NeuralNet.Models.Hw6;

/// <summary>
/// The four networks of HW6, with the module names of <c>dnn_mlp.py</c>, <c>dnn_mlp_nononlinear.py</c>,
/// <c>dnn_cnn.py</c> and <c>dnn_cnn_2.py</c>. Inputs are MNIST rows, shape (N, 784); the CNNs reshape them to
/// (N, 1, 28, 28) first.
/// </summary>
/// <remarks>
/// The handout's figures are not in the text we port from, so sizes follow the HW6 scripts' conventions:
/// hidden layer 1000 (MLP and LR); convolutions of 25 filters 5x5, stride 1, padding 2 ("same"), each
/// followed by ReLU and 2x2 max-pooling with stride 2; 28x28 -> 14x14 (4900 features) for CNN and
/// 28x28 -> 14x14 -> 7x7 (1225 features) for CNN2.
/// </remarks>
public static class Hw6Models
{
    /// <summary>Hidden layer size of the MLP and LR networks.</summary>
    public const int Hidden = 1000;

    /// <summary>Filters in each convolution.</summary>
    public const int Filters = 25;

    /// <summary>Filter size.</summary>
    public const int KernelSize = 5;

    /// <summary>Q3.3-Q3.5, figure 2: input -> linear -> relu -> dropout -> linear -> softmax cross-entropy.</summary>
    /// <param name="rng">the seeded generator (parameters, then dropout masks)</param>
    /// <param name="dropoutRate">r (<c>--dropout_rate</c>)</param>
    /// <param name="inputDim">D = 784</param>
    /// <param name="classes">K = 10</param>
    public static Classifier Mlp(Rng rng, double dropoutRate, int inputDim = 784, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return new Classifier("MLP", new Sequential(
            ("L1", new Linear(inputDim, Hidden, rng)),
            ("nonlinear1", new Relu()),
            ("drop1", new Dropout(dropoutRate, rng.Fork())),
            ("L2", new Linear(Hidden, classes, rng))));
    }

    /// <summary>Q3.6: the MLP without its nonlinearity (multinomial logistic regression in effect).</summary>
    /// <param name="rng">the seeded generator</param>
    /// <param name="dropoutRate">r</param>
    /// <param name="inputDim">D = 784</param>
    /// <param name="classes">K = 10</param>
    public static Classifier LogisticRegression(Rng rng, double dropoutRate, int inputDim = 784, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return new Classifier("LR", new Sequential(
            ("L1", new Linear(inputDim, Hidden, rng)),
            ("drop1", new Dropout(dropoutRate, rng.Fork())),
            ("L2", new Linear(Hidden, classes, rng))));
    }

    /// <summary>Q3.7-Q3.8, figure 3: conv -> relu -> max-pool -> flatten -> dropout -> linear.</summary>
    /// <param name="rng">the seeded generator</param>
    /// <param name="dropoutRate">r</param>
    /// <param name="classes">K = 10</param>
    public static Classifier Cnn(Rng rng, double dropoutRate, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return new Classifier("CNN", new Sequential(
            ("image", new Unflatten(1, 28, 28)),
            ("C1", new Conv2D(1, Filters, KernelSize, rng, stride: 1, padding: KernelSize / 2)), // (N, 25, 28, 28)
            ("nonlinear1", new Relu()),
            ("M1", new MaxPool2D(2, 2)), // (N, 25, 14, 14)
            ("F1", new Flatten()), // (N, 4900)
            ("drop1", new Dropout(dropoutRate, rng.Fork())),
            ("L1", new Linear(Filters * 14 * 14, classes, rng))));
    }

    /// <summary>
    /// Q3.9, figure 4: conv -> relu -> max-pool -> conv -> relu -> max-pool -> flatten -> dropout -> linear.
    /// </summary>
    /// <param name="rng">the seeded generator</param>
    /// <param name="dropoutRate">r</param>
    /// <param name="classes">K = 10</param>
    public static Classifier Cnn2(Rng rng, double dropoutRate, int classes = 10)
    {
        ArgumentNullException.ThrowIfNull(rng);
        // TASK(cnn2.build): build figure 4: add C2 (25 -> 25 filters, 5x5, padding 2), nonlinear2 and M2 (2x2, stride 2) after M1, and size L1 for 25*7*7 inputs.
        return new Classifier("CNN2", new Sequential(
            ("image", new Unflatten(1, 28, 28)),
            ("C1", new Conv2D(1, Filters, KernelSize, rng, stride: 1, padding: KernelSize / 2)), // (N, 25, 28, 28)
            ("nonlinear1", new Relu()),
            ("M1", new MaxPool2D(2, 2)), // (N, 25, 14, 14)
            ("C2", new Conv2D(Filters, Filters, KernelSize, rng, stride: 1, padding: KernelSize / 2)), // (N, 25, 14, 14)
            ("nonlinear2", new Relu()),
            ("M2", new MaxPool2D(2, 2)), // (N, 25, 7, 7)
            ("F1", new Flatten()), // (N, 1225)
            ("drop1", new Dropout(0.5, rng.Fork())), // q310: dropout rate 0.5
            ("L1", new Linear(Filters * 7 * 7, classes, rng))));
    }
}
