using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// A transformer block (seed 000, Problem 4, Figure 11): communication (self-attention) then
/// computation (feed-forward), each with a pre-norm residual connection:
/// h = x + sa(ln1(x)); y = h + ffwd(ln2(h)).
/// </summary>
public sealed class Block : Module
{
    private readonly LayerNorm _ln1;
    private readonly MultiHeadAttention _attention;
    private readonly LayerNorm _ln2;
    private readonly FeedForward _feedForward;
    private BlockCache? _cache;

    /// <summary>Creates the block's attention, feed-forward and two layer norms.</summary>
    /// <param name="nEmbd">input and output size C</param>
    /// <param name="nHead">number of attention heads (must divide C)</param>
    /// <param name="blockSize">longest sequence accepted</param>
    /// <param name="dropout">dropout rate used inside attention and feed-forward</param>
    /// <param name="rng">generator for the weights and the dropout masks</param>
    public Block(int nEmbd, int nHead, int blockSize, double dropout, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        EmbeddingSize = nEmbd;
        _attention = new MultiHeadAttention(nEmbd, nHead, blockSize, dropout, rng);
        _feedForward = new FeedForward(nEmbd, dropout, rng);
        _ln1 = new LayerNorm(nEmbd);
        _ln2 = new LayerNorm(nEmbd);
    }

    /// <summary>Input and output size C.</summary>
    public int EmbeddingSize { get; }

    /// <summary>Self-attention (the handout's <c>sa</c>).</summary>
    public MultiHeadAttention Attention => _attention;

    /// <summary>Feed-forward (the handout's <c>ffwd</c>).</summary>
    public FeedForward FeedForward => _feedForward;

    /// <summary>Layer norm before attention.</summary>
    public LayerNorm Ln1 => _ln1;

    /// <summary>Layer norm before feed-forward.</summary>
    public LayerNorm Ln2 => _ln2;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters =>
        [.. _attention.Parameters, .. _feedForward.Parameters, .. _ln1.Parameters, .. _ln2.Parameters];

    /// <summary>x + sa(ln1(x)), then + ffwd(ln2(.)).</summary>
    /// <param name="x">input, shape (B, T, C)</param>
    /// <returns>output, shape (B, T, C)</returns>
    public override Tensor Forward(Tensor x)
    {
        SequenceOps.RequireSequence(x, EmbeddingSize, "Block.Forward");
        _attention.Training = Training;
        _feedForward.Training = Training;
        var normed1 = _ln1.Forward(x);                    // (B, T, C)
        var h = x + _attention.Forward(normed1);          // (B, T, C)
        var normed2 = _ln2.Forward(h);                    // (B, T, C)
        _cache = new BlockCache(x, normed1, h, normed2);
        return h + _feedForward.Forward(normed2);         // (B, T, C)
    }

    /// <summary>Stores the gradients of all sub-modules; returns the gradient w.r.t. x.</summary>
    /// <param name="x">the forward input, shape (B, T, C)</param>
    /// <param name="gradOutput">gradient w.r.t. the output, shape (B, T, C)</param>
    /// <returns>gradient w.r.t. x, shape (B, T, C)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        SequenceOps.RequireSequence(x, EmbeddingSize, "Block.Backward");
        RequireShape("Block", gradOutput, x.Shape);
        if (_cache is null || !ReferenceEquals(_cache.Input, x))
        {
            Forward(x);
        }

        var c = _cache!;
        // Each residual passes its gradient straight through and adds the branch's.
        var dh = gradOutput + _ln2.Backward(c.H, _feedForward.Backward(c.Normed2, gradOutput));  // (B, T, C)
        return dh + _ln1.Backward(x, _attention.Backward(c.Normed1, dh));                        // (B, T, C)
    }

    private sealed record BlockCache(Tensor Input, Tensor Normed1, Tensor H, Tensor Normed2);
}
