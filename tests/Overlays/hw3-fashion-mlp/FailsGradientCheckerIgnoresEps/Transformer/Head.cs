using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// One head of causal self-attention (seed 000, Problem 4, "Attention Layer"): every position
/// emits a query, a key and a value; position t mixes the values of positions 0..t with weights
/// softmax(q_t k_s / sqrt(head_size)). Key, query and value are linear maps without bias.
/// </summary>
public sealed class Head : Module
{
    private readonly SequenceLinear _key;
    private readonly SequenceLinear _query;
    private readonly SequenceLinear _value;
    private readonly DropoutMask _dropout;
    private HeadCache? _cache;

    /// <summary>Creates the head's key, query and value projections (PyTorch default initialisation).</summary>
    /// <param name="nEmbd">input size C</param>
    /// <param name="headSize">size hs of each key, query and value</param>
    /// <param name="blockSize">longest sequence the head accepts</param>
    /// <param name="dropout">dropout rate on the attention weights</param>
    /// <param name="rng">generator for the weights and the dropout masks</param>
    public Head(int nEmbd, int headSize, int blockSize, double dropout, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (blockSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "Head: block_size must be positive.");
        }

        EmbeddingSize = nEmbd;
        HeadSize = headSize;
        BlockSize = blockSize;
        _key = new SequenceLinear(nEmbd, headSize, rng, bias: false);
        _query = new SequenceLinear(nEmbd, headSize, rng, bias: false);
        _value = new SequenceLinear(nEmbd, headSize, rng, bias: false);
        _dropout = new DropoutMask(dropout, rng);
    }

    /// <summary>Input size C.</summary>
    public int EmbeddingSize { get; }

    /// <summary>Size hs of keys, queries and values (the output size).</summary>
    public int HeadSize { get; }

    /// <summary>Longest sequence accepted.</summary>
    public int BlockSize { get; }

    /// <summary>The key projection, weight (C, hs), no bias.</summary>
    public SequenceLinear Key => _key;

    /// <summary>The query projection, weight (C, hs), no bias.</summary>
    public SequenceLinear Query => _query;

    /// <summary>The value projection, weight (C, hs), no bias.</summary>
    public SequenceLinear Value => _value;

    /// <summary>The attention weights of the last forward pass after the softmax (before dropout), shape (B, T, T).</summary>
    public Tensor? LastAttention => _cache?.Weights;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [.. _key.Parameters, .. _query.Parameters, .. _value.Parameters];

    /// <summary>head_size^-0.5, the scale of the dot products (keeps the softmax from saturating at init).</summary>
    private double Scale => 1.0 / Math.Sqrt(HeadSize);

    /// <summary>Causal self-attention of one head.</summary>
    /// <param name="x">input, shape (B, T, C) with T &lt;= block_size</param>
    /// <returns>attention output, shape (B, T, hs)</returns>
    public override Tensor Forward(Tensor x)
    {
        var t = CheckInput(x, "Forward");
        var k = _key.Forward(x); // (B, T, hs)
        var q = _query.Forward(x); // (B, T, hs)
        var v = _value.Forward(x); // (B, T, hs)
        var scores = q.MatMul(k.Transpose(0, 2, 1)) * Scale; // (B, T, T)
        scores = scores + CausalMask.Additive(t); // -inf above the diagonal, broadcast over B
        var weights = SequenceOps.SoftmaxLastAxis(scores); // (B, T, T)
        var dropped = _dropout.Forward(weights, Training);
        _cache = new HeadCache(x, k, q, v, weights, dropped);
        return dropped.MatMul(v); // (B, T, hs)
    }

    /// <summary>Stores the gradients of the key, query and value weights; returns the gradient w.r.t. x.</summary>
    /// <param name="x">the forward input, shape (B, T, C)</param>
    /// <param name="gradOutput">gradient w.r.t. the output, shape (B, T, hs)</param>
    /// <returns>gradient w.r.t. x, shape (B, T, C)</returns>
    /// <remarks>Uses the intermediates of the last <see cref="Forward"/> on this same x (it runs Forward again for another x).</remarks>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        var t = CheckInput(x, "Backward");
        RequireShape("Head", gradOutput, [x.Dim(0), t, HeadSize]);
        var cache = CacheFor(x);
        var dDropped = gradOutput.MatMul(cache.Value.Transpose(0, 2, 1)); // (B, T, T)
        var dV = cache.Dropped.Transpose(0, 2, 1).MatMul(gradOutput); // (B, T, hs)
        var dP = _dropout.Backward(dDropped); // (B, T, T)
        var p = cache.Weights;
        var dS = p * (dP - (dP * p).Sum(2, keepDims: true)); // softmax backward, (B, T, T)
        dS = dS * Scale;
        var dQ = dS.MatMul(cache.Key); // (B, T, hs)
        var dK = dS.Transpose(0, 2, 1).MatMul(cache.Query); // (B, T, hs)
        var dx = _query.Backward(x, dQ);
        dx = dx + _key.Backward(x, dK);
        dx = dx + _value.Backward(x, dV);
        return dx;
    }

    private int CheckInput(Tensor x, string method)
    {
        SequenceOps.RequireSequence(x, EmbeddingSize, $"Head.{method}");
        if (x.Dim(1) > BlockSize)
        {
            throw new ArgumentException($"Head.{method}: sequence length {x.Dim(1)} exceeds block_size {BlockSize}.");
        }

        return x.Dim(1);
    }

    private HeadCache CacheFor(Tensor x)
    {
        if (_cache is null || !ReferenceEquals(_cache.Input, x))
        {
            Forward(x);
        }

        return _cache ?? throw new InvalidOperationException("Head.Backward: Forward did not store its intermediates in _cache.");
    }

    /// <summary>What Backward needs from Forward: input, keys, queries, values (B, T, hs) the softmax weights and the weights after dropout (B, T, T).</summary>
    private sealed record HeadCache(Tensor Input, Tensor Key, Tensor Query, Tensor Value, Tensor Weights, Tensor Dropped);
}
