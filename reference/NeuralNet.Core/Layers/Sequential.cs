namespace NeuralNet.Layers;

/// <summary>
/// Named layers run in order, like the <c>model</c> dictionaries of HW3 and HW6 (<c>model['L1']</c>,
/// <c>model['nonlinear1']</c>, ...). The forward pass remembers each layer's input so the backward pass
/// can call <c>layer.Backward(input, grad)</c> in reverse order.
/// </summary>
public sealed class Sequential : Module
{
    private readonly (string Name, Module Layer)[] _layers;
    private readonly Module[] _modules;
    private Tensor[]? _inputs;

    /// <summary>Creates the container.</summary>
    /// <param name="layers">the layers in forward order, each with a unique name such as "L1"</param>
    public Sequential(params (string Name, Module Layer)[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var duplicate = layers.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Sequential: the layer name '{duplicate.Key}' is used twice; names must be unique.");
        }

        _layers = [.. layers];
        _modules = [.. _layers.Select(l => l.Layer)];
    }

    /// <summary>The layers with their names, in forward order.</summary>
    public IReadOnlyList<(string Name, Module Layer)> Layers => _layers;

    /// <summary>The layer with this name.</summary>
    /// <param name="name">e.g. "L1"</param>
    public Module this[string name] =>
        _layers.FirstOrDefault(l => l.Name == name).Layer
        ?? throw new KeyNotFoundException($"Sequential: no layer named '{name}'; layers are {string.Join(", ", _layers.Select(l => l.Name))}.");

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [.. _layers.SelectMany(l => l.Layer.Parameters)];

    /// <summary>Every parameter with the name of its layer, e.g. ("L1", W).</summary>
    public IEnumerable<(string Layer, Parameter Parameter)> NamedParameters =>
        _layers.SelectMany(l => l.Layer.Parameters.Select(p => (l.Name, p)));

    /// <summary>Runs every layer in order (each in this container's <see cref="Module.Training"/> mode).</summary>
    /// <param name="x">the first layer's input</param>
    /// <returns>the last layer's output</returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var inputs = new Tensor[_layers.Length];
        var current = x;
        for (var i = 0; i < _layers.Length; i++)
        {
            inputs[i] = current;
            _layers[i].Layer.Training = Training;
            current = _layers[i].Layer.Forward(current);
        }

        _inputs = inputs;
        return current;
    }

    /// <summary>
    /// Calls every layer's backward pass in reverse order with the inputs the last forward pass saw. When
    /// <see cref="Module.InputGradientNeeded"/> is false, the layers before the first one with parameters are skipped
    /// and that layer is told its dL/dx is not needed.
    /// </summary>
    /// <param name="x">the input of the last <see cref="Forward"/> call</param>
    /// <param name="gradOutput">dL/d(output)</param>
    /// <returns>dL/dx, or <see cref="Tensor.NotComputed"/> of x's shape when it was not needed and not computed</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(gradOutput);
        if (_inputs is null || (_inputs.Length > 0 && !ReferenceEquals(_inputs[0], x)))
        {
            throw new InvalidOperationException("Sequential.Backward: call Forward(x) with the same x first; the backward pass needs every layer's input.");
        }

        var inputs = _inputs;
        return ChainBackward.Run(_modules, i => inputs[i], gradOutput, InputGradientNeeded);
    }
}
