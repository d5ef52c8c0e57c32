namespace NeuralNet.Layers;

// TEMPORARY stand-in for the layers branch's Module (the contract in the helpers' PREAMBLE), so the
// transformer branch compiles before `layers` lands on main. Dropped in favour of theirs at merge.

/// <summary>A layer or a network: forward and backward on tensors, with learnable parameters.</summary>
public abstract class Module
{
    /// <summary>Training mode (dropout active) or evaluation mode.</summary>
    public bool Training { get; set; } = true;

    /// <summary>The layer's output for input <paramref name="x"/>.</summary>
    public abstract Tensor Forward(Tensor x);

    /// <summary>Gradient w.r.t. the input; parameter gradients are stored in <see cref="Parameters"/>.</summary>
    public abstract Tensor Backward(Tensor x, Tensor gradOutput);

    /// <summary>The learnable parameters, with their gradients after <see cref="Backward"/>.</summary>
    public virtual IReadOnlyList<Parameter> Parameters => [];
}
