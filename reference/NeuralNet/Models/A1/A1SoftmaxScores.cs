namespace NeuralNet.Models.A1;

/// <summary>
/// A1's <see cref="SoftmaxRegression"/> for the shared training loop: scores ReLU(x·W1) (no bias, the model's own
/// <see cref="A1BaseNetwork.Relu"/>), trained by the model's own Forward(x, y, Train) (<see cref="A1ScoresLayer"/>).
/// </summary>
internal sealed class A1SoftmaxScores : A1ScoresLayer
{
    private readonly SoftmaxRegression _model;

    public A1SoftmaxScores(SoftmaxRegression model)
        : base(model) => _model = model;

    /// <param name="x">images, shape (N, D)</param>
    /// <returns>ReLU(x·W1), shape (N, C)</returns>
    public override Tensor Forward(Tensor x) => A1BaseNetwork.Relu(x.MatMul(_model.W1.Value));
}
