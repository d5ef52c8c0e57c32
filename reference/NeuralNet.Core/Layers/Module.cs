namespace NeuralNet.Layers;

/// <summary>
/// A building block of a network with a forward and a backward pass (HW3 3.1, HW6 section 3.2):
/// <c>Forward(x)</c> computes the output; <c>Backward(x, dOut)</c> receives the same input <c>x</c> and the
/// gradient of the loss with respect to the output, stores the gradients of the module's parameters in
/// <see cref="Parameter.Grad"/> and returns the gradient with respect to <c>x</c>.
/// </summary>
public abstract class Module
{
    /// <summary>True while training; layers such as dropout behave differently at test time.</summary>
    public bool Training { get; set; } = true;

    /// <summary>
    /// False when whoever calls <see cref="Backward"/> discards the dL/dx it returns: the first layer with parameters of
    /// a network trained on data, whose input is the data (PyTorch skips the same gradient for inputs that do not
    /// require one). A layer may then skip computing dL/dx, after storing its parameters' gradients, and return
    /// <see cref="Tensor.NotComputed"/> of the input's shape; computing it anyway is just as correct. The containers
    /// (<see cref="Sequential"/>, <c>LayerChain</c>) set it on their layers before each backward pass; true otherwise.
    /// </summary>
    public bool InputGradientNeeded { get; set; } = true;

    /// <summary>Runs the forward pass.</summary>
    /// <param name="x">the module's input</param>
    /// <returns>the module's output</returns>
    public abstract Tensor Forward(Tensor x);

    /// <summary>Runs the backward pass.</summary>
    /// <param name="x">the input given to <see cref="Forward"/></param>
    /// <param name="gradOutput">dL/d(output), same shape as the forward output</param>
    /// <returns>dL/dx, same shape as <paramref name="x"/></returns>
    public abstract Tensor Backward(Tensor x, Tensor gradOutput);

    /// <summary>The learnable parameters (empty for modules without any, e.g. ReLU).</summary>
    public virtual IReadOnlyList<Parameter> Parameters => [];

    /// <summary>Number of learnable numbers, e.g. 784 * 128 + 128 for a 784-128 linear layer.</summary>
    public int ParameterCount => Parameters.Sum(p => p.Value.Size);

    /// <summary>Throws when <paramref name="gradOutput"/> does not have the shape the forward pass produced.</summary>
    /// <param name="layer">the layer's name, used in the message</param>
    /// <param name="gradOutput">the incoming gradient</param>
    /// <param name="expected">the shape of the forward output</param>
    protected static void RequireShape(string layer, Tensor gradOutput, int[] expected)
    {
        ArgumentNullException.ThrowIfNull(gradOutput);
        if (!gradOutput.Shape.AsSpan().SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"{layer}.Backward: gradOutput has shape {ShapeText.Of(gradOutput.Shape)} but the forward output has shape {ShapeText.Of(expected)}.");
        }
    }
}
