using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// The position-wise feed-forward module (seed 000, Problem 4, Figure 12): Linear(C, 4C), ReLU,
/// Linear(4C, C), dropout, applied at every position independently.
/// </summary>
public sealed class FeedForward : Module
{
    private readonly SequenceLinear _expand;
    private readonly SequenceLinear _contract;
    private readonly DropoutMask _dropout;
    private FeedForwardCache? _cache;

    /// <summary>Creates the two linear layers (PyTorch default initialisation).</summary>
    /// <param name="nEmbd">input and output size C; the hidden size is 4C</param>
    /// <param name="dropout">dropout rate after the second layer</param>
    /// <param name="rng">generator for the weights and the dropout mask</param>
    public FeedForward(int nEmbd, double dropout, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        EmbeddingSize = nEmbd;
        _expand = new SequenceLinear(nEmbd, 4 * nEmbd, rng);
        _contract = new SequenceLinear(4 * nEmbd, nEmbd, rng);
        _dropout = new DropoutMask(dropout, rng);
    }

    /// <summary>Input and output size C.</summary>
    public int EmbeddingSize { get; }

    /// <summary>The first layer, (C, 4C).</summary>
    public SequenceLinear Expand => _expand;

    /// <summary>The second layer, (4C, C).</summary>
    public SequenceLinear Contract => _contract;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [.. _expand.Parameters, .. _contract.Parameters];

    /// <summary>dropout(relu(x W1 + b1) W2 + b2).</summary>
    /// <param name="x">input, shape (B, T, C)</param>
    /// <returns>output, shape (B, T, C)</returns>
    public override Tensor Forward(Tensor x)
    {
        SequenceOps.RequireSequence(x, EmbeddingSize, "FeedForward.Forward");
        var hidden = _expand.Forward(x);            // (B, T, 4C)
        var activated = hidden.Maximum(0.0);        // (B, T, 4C)
        _cache = new FeedForwardCache(x, hidden, activated);
        return _dropout.Forward(_contract.Forward(activated), Training);  // (B, T, C)
    }

    /// <summary>Stores the gradients of both layers; returns the gradient w.r.t. x.</summary>
    /// <param name="x">the forward input, shape (B, T, C)</param>
    /// <param name="gradOutput">gradient w.r.t. the output, shape (B, T, C)</param>
    /// <returns>gradient w.r.t. x, shape (B, T, C)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        SequenceOps.RequireSequence(x, EmbeddingSize, "FeedForward.Backward");
        RequireShape("FeedForward", gradOutput, x.Shape);
        if (_cache is null || !ReferenceEquals(_cache.Input, x))
        {
            Forward(x);
        }

        var cache = _cache!;
        var dActivated = _contract.Backward(cache.Activated, _dropout.Backward(gradOutput));  // (B, T, 4C)
        var dHidden = dActivated * (cache.Hidden > 0.0);                                       // ReLU'(0) = 0, as in PyTorch
        return _expand.Backward(x, dHidden);                                                   // (B, T, C)
    }

    private sealed record FeedForwardCache(Tensor Input, Tensor Hidden, Tensor Activated);
}
