using NeuralNet.Layers;

namespace NeuralNet.Models.Hw3;

/// <summary>
/// The three models HW3 3.5 compares on translated and rotated Fashion-MNIST (built with TensorFlow in the
/// handout's notebook). Inputs are rows of shape (N, 784).
/// </summary>
/// <remarks>
/// Convolutions are "valid" (no padding) with stride 1 and every pooling is 2x2 with stride 2, which is what
/// gives the handout's feature counts: 28 -7+1-> 22 -pool-> 11, so 64*11*11 = 7744; then 11 -2+1-> 10 -pool-> 5,
/// so 128*5*5 = 3200. Each convolution is followed by ReLU, as the MLP's first layer was.
/// </remarks>
public static class Hw3OodModels
{
    /// <summary>The 2-layer MLP 784-128-10: 128*784 + 128 + 128*10 + 10 = 101770 parameters.</summary>
    /// <param name="rng">the seeded generator</param>
    public static Classifier Mlp(Rng rng) => new("MLP", new Sequential(
        ("L1", new Linear(784, 128, rng)),
        ("nonlinear1", new Relu()),
        ("L2", new Linear(128, 10, rng))));

    /// <summary>The 2-layer CNN: 64 kernels 7x7 + max-pool + linear: 64*7*7 + 64 + 7744*10 + 10 = 80650 parameters.</summary>
    /// <param name="rng">the seeded generator</param>
    public static Classifier TwoLayerCnn(Rng rng) => new("CNN2L", new Sequential(
        ("image", new Unflatten(1, 28, 28)),
        ("C1", new Conv2D(1, 64, 7, rng)), // (N, 64, 22, 22)
        ("nonlinear1", new Relu()),
        ("M1", new MaxPool2D(2, 2)), // (N, 64, 11, 11)
        ("F1", new Flatten()), // (N, 7744)
        ("L1", new Linear(64 * 11 * 11, 10, rng))));

    /// <summary>
    /// The 3-layer CNN with a 64x128 2x2 convolution and a second max-pool in between:
    /// 64*49 + 64 + 64*128*2*2 + 128 + 10*3200 + 10 = 68106 parameters.
    /// </summary>
    /// <param name="rng">the seeded generator</param>
    public static Classifier ThreeLayerCnn(Rng rng) => new("CNN3L", new Sequential(
        ("image", new Unflatten(1, 28, 28)),
        ("C1", new Conv2D(1, 64, 7, rng)), // (N, 64, 22, 22)
        ("nonlinear1", new Relu()),
        ("M1", new MaxPool2D(2, 2)), // (N, 64, 11, 11)
        ("C2", new Conv2D(64, 128, 2, rng)), // (N, 128, 10, 10)
        ("nonlinear2", new Relu()),
        ("M2", new MaxPool2D(2, 2)), // (N, 128, 5, 5)
        ("F1", new Flatten()), // (N, 3200)
        ("L1", new Linear(128 * 5 * 5, 10, rng))));
}
