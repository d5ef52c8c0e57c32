namespace NeuralNet.Models.A1;

/// <summary>
/// A1's <see cref="TwoLayerNet"/> for the shared training loop: scores sigmoid(x·W1 + b1)·W2 + b2 (the model's own
/// <see cref="A1BaseNetwork.Sigmoid"/>), trained by the model's own Forward(x, y, Train) (<see cref="A1ScoresLayer"/>).
/// </summary>
internal sealed class A1TwoLayerScores : A1ScoresLayer
{
    private readonly TwoLayerNet _model;

    public A1TwoLayerScores(TwoLayerNet model)
        : base(model) => _model = model;

    /// <param name="x">images, shape (N, D)</param>
    /// <returns>the scores z2, shape (N, C)</returns>
    public override Tensor Forward(Tensor x) =>
        A1BaseNetwork.Sigmoid(x.MatMul(_model.W1.Value) + _model.B1.Value).MatMul(_model.W2.Value) + _model.B2.Value;
}
