namespace NeuralNet.Layers;

// TEMPORARY stand-in for the layers branch's Parameter; see Module.cs.

/// <summary>A learnable tensor and its gradient.</summary>
public sealed class Parameter
{
    /// <summary>Creates a parameter with a zero gradient of the same shape.</summary>
    public Parameter(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
        Grad = Tensor.Zeros(value.Shape);
    }

    /// <summary>Short name, e.g. "W" or "b".</summary>
    public string Name { get; }

    /// <summary>The current value (updated in place by optimisers).</summary>
    public Tensor Value { get; }

    /// <summary>The gradient of the loss w.r.t. <see cref="Value"/>.</summary>
    public Tensor Grad { get; }
}
