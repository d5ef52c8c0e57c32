namespace NeuralNet.Layers;

/// <summary>
/// A learnable tensor and the gradient of the loss with respect to it, like HW3's
/// <c>self.params['W']</c> / <c>self.gradient['W']</c> pair.
/// </summary>
public sealed class Parameter
{
    private Tensor _grad;

    /// <summary>Creates a parameter whose gradient starts at zero (HW3 3.1.1: "initialize the gradients to zeroes").</summary>
    /// <param name="name">the course's name, e.g. "W" or "b"</param>
    /// <param name="value">the initial value; the parameter keeps this tensor and optimisers update it in place</param>
    public Parameter(string name, Tensor value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value.Contiguous();
        _grad = Tensor.Zeros(value.Shape);
    }

    /// <summary>The course's name: "W", "b", "W1", "b2", ...</summary>
    public string Name { get; }

    /// <summary>The current value; optimisers update it in place.</summary>
    public Tensor Value { get; }

    /// <summary>dL/dValue from the last backward pass; must keep the shape of <see cref="Value"/>.</summary>
    public Tensor Grad
    {
        get => _grad;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!value.SameShape(Value))
            {
                throw new ArgumentException(
                    $"Parameter {Name}: the gradient has shape {ShapeText.Of(value.Shape)} but {Name} has shape {ShapeText.Of(Value.Shape)}; d{Name} must have the shape of {Name}.");
            }

            _grad = value.Contiguous();
        }
    }

    /// <summary>True for bias vectors, named "b" or "b" and a digit ("b1", "b2"); L2 regularisation skips them (A1 section 3).</summary>
    public bool IsBias => Name == "b" || (Name.Length > 1 && Name[0] == 'b' && char.IsAsciiDigit(Name[1]));

    /// <summary>Sets the gradient to zero.</summary>
    public void ZeroGrad() => _grad = Tensor.Zeros(Value.Shape);

    /// <inheritdoc />
    public override string ToString() => $"{Name} {ShapeText.Of(Value.Shape)}";
}
