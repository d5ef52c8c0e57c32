using NeuralNet.Layers;
using NeuralNet.Losses;
using NeuralNet.Training;

namespace NeuralNet.Models;

/// <summary>
/// A network that maps inputs to class scores, trained with softmax cross-entropy: the shape shared by
/// HW6's MLP, LR, CNN and CNN2 and HW3 3.5's comparison models, so one training loop drives them all.
/// </summary>
public sealed class Classifier
{
    /// <summary>Wraps a network.</summary>
    /// <param name="name">the model's name in logs and file names, e.g. "MLP" or "CNN2"</param>
    /// <param name="network">layers from the input (N, D) to the logits (N, K)</param>
    public Classifier(string name, Sequential network)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(network);
        Name = name;
        Network = network;
    }

    /// <summary>The model's name, e.g. "MLP".</summary>
    public string Name { get; }

    /// <summary>The layers, by their course names.</summary>
    public Sequential Network { get; }

    /// <summary>The loss on the logits.</summary>
    public SoftmaxCrossEntropy Loss { get; } = new();

    /// <summary>Every learnable parameter.</summary>
    public IReadOnlyList<Parameter> Parameters => Network.Parameters;

    /// <summary>Number of learnable numbers.</summary>
    public int ParameterCount => Network.ParameterCount;

    /// <summary>The layers as a chain for the shared training loop (the loop applies the loss itself).</summary>
    /// <returns>a <see cref="LayerChain"/> over <see cref="Network"/>'s layers, sharing their parameters</returns>
    public LayerChain ToLayerChain() => new(Network.Layers.Select(l => l.Layer));

    /// <summary>Forward pass in training mode (dropout active), then loss.</summary>
    /// <param name="x">inputs, shape (N, D)</param>
    /// <param name="y">labels, length N</param>
    /// <returns>the logits (N, K) and the mean loss</returns>
    public (Tensor Logits, double Loss) Forward(Tensor x, int[] y)
    {
        Network.Training = true;
        var logits = Network.Forward(x);
        return (logits, Loss.Forward(logits, y));
    }

    /// <summary>Backpropagates the loss of the last <see cref="Forward"/> call into every parameter's gradient.</summary>
    /// <param name="x">the inputs given to <see cref="Forward"/>, shape (N, D)</param>
    /// <param name="logits">the logits it returned, shape (N, K)</param>
    /// <param name="y">labels, length N</param>
    /// <remarks>dL/dx of the data is not used, so the network is asked not to compute it (<see cref="Module.InputGradientNeeded"/>).</remarks>
    public void Backward(Tensor x, Tensor logits, int[] y)
    {
        var needed = Network.InputGradientNeeded;
        Network.InputGradientNeeded = false;
        try
        {
            Network.Backward(x, Loss.Backward(logits, y));
        }
        finally
        {
            Network.InputGradientNeeded = needed;
        }
    }

    /// <summary>Predicted classes in test mode (no dropout).</summary>
    /// <param name="x">inputs, shape (N, D)</param>
    /// <returns>argmax of the logits, length N</returns>
    public int[] Predict(Tensor x)
    {
        Network.Training = false;
        var predictions = Network.Forward(x).ArgMaxRows();
        Network.Training = true;
        return predictions;
    }
}
