namespace NeuralNet.Gradients;

/// <summary>
/// The relative error (<see cref="GradientChecker.RelError(Tensor, Tensor)"/>) below which a backward pass counts
/// as correct against a central-difference gradient with eps = 1e-5 on small seeded inputs. A correct
/// implementation lands orders of magnitude below these; a wrong one lands near 1.
/// </summary>
public static class GradientTolerances
{
    /// <summary>Linear layer: exact up to rounding (the loss is linear in W, b and x).</summary>
    public const double Linear = 1e-7;

    /// <summary>ReLU, with inputs kept away from the kink at 0.</summary>
    public const double Relu = 1e-7;

    /// <summary>Sigmoid.</summary>
    public const double Sigmoid = 1e-7;

    /// <summary>Tanh.</summary>
    public const double Tanh = 1e-7;

    /// <summary>Dropout under a fixed mask.</summary>
    public const double Dropout = 1e-7;

    /// <summary>Softmax layer.</summary>
    public const double Softmax = 1e-6;

    /// <summary>Softmax cross-entropy with respect to the logits.</summary>
    public const double SoftmaxCrossEntropy = 1e-6;

    /// <summary>Conv2D (im2col), with respect to x, W and b.</summary>
    public const double Conv2D = 1e-6;

    /// <summary>Max pooling, with distinct inputs so no window has a tie.</summary>
    public const double MaxPool2D = 1e-7;

    /// <summary>A whole model (several layers and the loss).</summary>
    public const double Model = 1e-5;

    /// <summary>HW3 3.1.5's single-entry check with eps = 1e-3: backprop and approximation agree to about 1e-4.</summary>
    public const double Hw3Entry = 1e-4;
}
