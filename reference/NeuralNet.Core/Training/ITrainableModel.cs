using NeuralNet.Layers;

namespace NeuralNet.Training;

/// <summary>
/// What the <see cref="Trainer"/> needs from a network: logits for a batch, the backward pass from
/// dL/dlogits, and the parameters the optimiser updates. <see cref="LayerChain"/> adapts a list of layers.
/// </summary>
public interface ITrainableModel
{
    /// <summary>The learnable parameters, in a fixed order.</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Runs the forward pass and keeps what <see cref="Backward"/> needs.</summary>
    /// <param name="x">a batch, shape (N, D) (D = 784 for 28 x 28 images)</param>
    /// <param name="training">true while training (dropout active), false for evaluation</param>
    /// <returns>logits, shape (N, K)</returns>
    Tensor Forward(Tensor x, bool training);

    /// <summary>Backpropagates through the last <see cref="Forward"/> call, filling every <see cref="Parameter.Grad"/>.</summary>
    /// <param name="gradLogits">dL/dlogits, shape (N, K)</param>
    void Backward(Tensor gradLogits);
}
