using NeuralNet.Layers;

namespace NeuralNet.Training;

/// <summary>
/// A network that is a chain of layers, x -> layer 1 -> ... -> layer L -> logits (HW3's and HW6's
/// <c>forward_pass</c>/<c>backward_pass</c> pattern): the forward pass keeps each layer's input so the
/// backward pass can call <c>layer.Backward(input, grad)</c> in reverse order.
/// </summary>
public sealed class LayerChain : ITrainableModel
{
    private readonly Module[] _layers;
    private readonly Tensor?[] _inputs;
    private readonly int[]? _inputShape;

    /// <summary>Creates the chain.</summary>
    /// <param name="layers">the layers in forward order</param>
    /// <param name="inputShape">per-example shape the flat rows are reshaped to before layer 1, e.g. [1, 28, 28] for a CNN; null keeps (N, D)</param>
    public LayerChain(IEnumerable<Module> layers, int[]? inputShape = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        _layers = [.. layers];
        if (_layers.Length == 0)
        {
            throw new ArgumentException("LayerChain: expected at least one layer, found none.", nameof(layers));
        }

        _inputs = new Tensor?[_layers.Length];
        _inputShape = inputShape is null ? null : [-1, .. inputShape];
        Parameters = [.. _layers.SelectMany(l => l.Parameters)];
    }

    /// <summary>The layers in forward order.</summary>
    public IReadOnlyList<Module> Layers => _layers;

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Number of learnable numbers.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Value.Size);

    /// <inheritdoc />
    public Tensor Forward(Tensor x, bool training)
    {
        ArgumentNullException.ThrowIfNull(x);
        var h = _inputShape is null ? x : x.Reshape(_inputShape);
        for (var i = 0; i < _layers.Length; i++)
        {
            _layers[i].Training = training;
            _inputs[i] = h;
            h = _layers[i].Forward(h);
        }

        return h;
    }

    /// <inheritdoc />
    public void Backward(Tensor gradLogits)
    {
        ArgumentNullException.ThrowIfNull(gradLogits);
        // Nothing uses dL/dx of the data: the layers before the first with parameters are skipped, and that layer
        // may skip its dL/dx (Module.InputGradientNeeded).
        ChainBackward.Run(
            _layers,
            i => _inputs[i] ?? throw new InvalidOperationException("LayerChain.Backward: call Forward first."),
            gradLogits,
            inputGradientNeeded: false);
    }
}
