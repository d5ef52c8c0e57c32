using NeuralNet.Layers;

namespace NeuralNet.Models.A1;

/// <summary>
/// A1's <see cref="TwoLayerNet"/> as a layer for the shared training loop: scores sigmoid(x·W1 + b1)·W2 + b2, which the
/// loop's softmax cross-entropy turns into A1's loss; the backward pass is A1's, with the model's own parameters
/// (W1, W2 = 0.001 N(0, 1) after seeding 1024, zero biases) and A1's sigmoid and its derivative.
/// </summary>
internal sealed class A1TwoLayerScores : Module
{
    private readonly TwoLayerNet _model;

    public A1TwoLayerScores(TwoLayerNet model) => _model = model;

    public override IReadOnlyList<Parameter> Parameters => _model.Parameters;

    /// <param name="x">images, shape (N, D)</param>
    /// <returns>the scores z2, shape (N, C)</returns>
    public override Tensor Forward(Tensor x) =>
        A1BaseNetwork.Sigmoid(x.MatMul(_model.W1.Value) + _model.B1.Value).MatMul(_model.W2.Value) + _model.B2.Value;

    /// <param name="x">the forward input, shape (N, D)</param>
    /// <param name="gradOutput">dL/dz2, shape (N, C)</param>
    /// <returns>dL/dx, shape (N, D)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        var z1 = x.MatMul(_model.W1.Value) + _model.B1.Value; // (N, H)
        var a1 = A1BaseNetwork.Sigmoid(z1);
        _model.W2.Grad = a1.T.MatMul(gradOutput); // (H, C)
        _model.B2.Grad = gradOutput.Sum(0); // (C)
        var dZ1 = gradOutput.MatMul(_model.W2.Value.T) * A1BaseNetwork.SigmoidDev(z1); // (N, H)
        _model.W1.Grad = x.T.MatMul(dZ1); // (D, H)
        _model.B1.Grad = dZ1.Sum(0); // (H)
        return dZ1.MatMul(_model.W1.Value.T);
    }
}
