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
        var q = _query.Forward(x);
        var k = _key.Forward(x);
        var v = _value.Forward(x);
        var batch = x.Dim(0);
        // masked, scaled scores and their softmax row by row; masked entries stay exactly 0
        var weights = Tensor.Zeros(batch, t, t);
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < t; i++)
            {
                var row = new double[i + 1];
                var max = double.NegativeInfinity;
                for (var j = 0; j <= i; j++)
                {
                    var dot = 0.0;
                    for (var c = 0; c < HeadSize; c++)
                    {
                        dot += q[b, i, c] * k[b, j, c];
                    }

                    row[j] = dot / Math.Sqrt(HeadSize);
                    max = Math.Max(max, row[j]);
                }

                var sum = 0.0;
                for (var j = 0; j <= i; j++)
                {
                    row[j] = Math.Exp(row[j] - max);
                    sum += row[j];
                }

                for (var j = 0; j <= i; j++)
                {
                    weights[b, i, j] = row[j] / sum;
                }
            }
        }

        var dropped = _dropout.Forward(weights, Training);
        _cache = new HeadCache(x, k, q, v, weights, dropped);
        return dropped.MatMul(v);
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
        var batch = x.Dim(0);
        var dV = cache.Dropped.Transpose(0, 2, 1).MatMul(gradOutput);
        var dP = _dropout.Backward(gradOutput.MatMul(cache.Value.Transpose(0, 2, 1)));
        var dS = Tensor.Zeros(batch, t, t);
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < t; i++)
            {
                // row i of the softmax: dS_ij = P_ij (dP_ij - sum_l dP_il P_il), times the 1/sqrt(hs) of the scores
                var inner = 0.0;
                for (var l = 0; l < t; l++)
                {
                    inner += dP[b, i, l] * cache.Weights[b, i, l];
                }

                for (var j = 0; j < t; j++)
                {
                    dS[b, i, j] = cache.Weights[b, i, j] * (dP[b, i, j] - inner) / Math.Sqrt(HeadSize);
                }
            }
        }

        var dQ = dS.MatMul(cache.Key);
        var dK = dS.Transpose(0, 2, 1).MatMul(cache.Query);
        var dxV = _value.Backward(x, dV);
        var dxK = _key.Backward(x, dK);
        var dxQ = _query.Backward(x, dQ);
        dxV.AddInPlace(dxK);
        dxV.AddInPlace(dxQ);
        return dxV;
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
