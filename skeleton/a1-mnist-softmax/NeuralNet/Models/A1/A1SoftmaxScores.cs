using NeuralNet.Layers;

namespace NeuralNet.Models.A1;

/// <summary>
/// A1's <see cref="SoftmaxRegression"/> as a layer for the shared training loop: scores ReLU(x·W1) (no
/// bias), which the loop's softmax cross-entropy turns into A1's loss; the backward pass is A1's
/// dZ = dA * ReLU'(z), dW1 = xᵀ·dZ with the model's own W1 (0.001 N(0, 1), seed 1024).
/// </summary>
internal sealed class A1SoftmaxScores : Module
{
    private readonly SoftmaxRegression _model;

    public A1SoftmaxScores(SoftmaxRegression model) => _model = model;

    public override IReadOnlyList<Parameter> Parameters => _model.Parameters;

    /// <param name="x">images, shape (N, D)</param>
    /// <returns>ReLU(x·W1), shape (N, C)</returns>
    public override Tensor Forward(Tensor x) => A1BaseNetwork.Relu(x.MatMul(_model.W1.Value));

    /// <param name="x">the forward input, shape (N, D)</param>
    /// <param name="gradOutput">dL/dscores, shape (N, C)</param>
    /// <returns>dL/dx, shape (N, D)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        var dZ = gradOutput * A1BaseNetwork.ReluDev(x.MatMul(_model.W1.Value)); // (N, C)
        _model.W1.Grad = x.T.MatMul(dZ); // (D, C)
        return dZ.MatMul(_model.W1.Value.T);
    }
}
