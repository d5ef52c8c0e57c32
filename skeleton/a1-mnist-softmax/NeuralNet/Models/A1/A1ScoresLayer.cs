using NeuralNet.Layers;

namespace NeuralNet.Models.A1;

/// <summary>
/// An A1 model as the only layer of the shared training loop's chain. <see cref="Module.Forward"/> gives the scores the
/// loop's softmax cross-entropy turns into A1's loss; <see cref="Backward"/> trains with the model's own code: it calls
/// the model's <c>Forward(x, y, Train)</c>, which fills every gradient through the model's own backward pass, as A1's
/// training script does. The loop does not pass labels to a layer, so they are read back from its loss gradient
/// (softmax(scores) - onehot(y)) / N: onehot(y) = softmax(scores) - N dL/dscores.
/// </summary>
internal abstract class A1ScoresLayer : Module
{
    private readonly A1BaseNetwork _model;
    private Tensor? _inputGrad;

    /// <summary>Wraps a model.</summary>
    /// <param name="model">the A1 model whose Forward(x, y, Train) fills the gradients</param>
    protected A1ScoresLayer(A1BaseNetwork model) => _model = model;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _model.Parameters;

    /// <summary>Fills the model's gradients by its own forward and backward pass on the batch's labels.</summary>
    /// <param name="x">the forward input, shape (N, D)</param>
    /// <param name="gradOutput">dL/dscores from the loop's softmax cross-entropy, shape (N, C)</param>
    /// <returns>zeros of shape (N, D): the layer is the first of its chain, so dL/dx is never used</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(gradOutput);
        var labels = (Layers.Softmax.Probabilities(Forward(x)) - (gradOutput * x.Dim(0))).ArgMaxRows();
        _model.Forward(x, labels, A1Mode.Train);
        if (_inputGrad is null || !_inputGrad.Shape.SequenceEqual(x.Shape))
        {
            _inputGrad = Tensor.Zeros(x.Shape);
        }

        return _inputGrad;
    }
}
