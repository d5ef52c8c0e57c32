using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// Several attention heads in parallel (seed 000, Problem 4, "Attention Layer"): the heads' outputs
/// are concatenated, projected back to n_embd by a linear layer, then dropout.
/// </summary>
public sealed class MultiHeadAttention : Module
{
    private readonly Head[] _heads;
    private readonly SequenceLinear _projection;
    private readonly DropoutMask _dropout;
    private (Tensor Input, Tensor Concatenated)? _cache;

    /// <summary>Creates n_head heads of size n_embd / n_head and the (n_embd, n_embd) projection.</summary>
    /// <param name="nEmbd">input and output size C</param>
    /// <param name="nHead">number of heads; must divide n_embd</param>
    /// <param name="blockSize">longest sequence accepted</param>
    /// <param name="dropout">dropout rate on the attention weights and after the projection</param>
    /// <param name="rng">generator for the weights and the dropout masks</param>
    public MultiHeadAttention(int nEmbd, int nHead, int blockSize, double dropout, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (nHead <= 0 || nEmbd % nHead != 0)
        {
            throw new ArgumentException($"MultiHeadAttention: n_head ({nHead}) must be positive and divide n_embd ({nEmbd}).", nameof(nHead));
        }

        EmbeddingSize = nEmbd;
        var headSize = nEmbd / nHead;
        _heads = new Head[nHead];
        for (var h = 0; h < nHead; h++)
        {
            _heads[h] = new Head(nEmbd, headSize, blockSize, dropout, rng);
        }

        _projection = new SequenceLinear(nEmbd, nEmbd, rng);
        _dropout = new DropoutMask(dropout, rng);
    }

    /// <summary>Input and output size C.</summary>
    public int EmbeddingSize { get; }

    /// <summary>The heads, in concatenation order.</summary>
    public IReadOnlyList<Head> Heads => _heads;

    /// <summary>The output projection, (C, C) with bias.</summary>
    public SequenceLinear Projection => _projection;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [.. _heads.SelectMany(h => h.Parameters), .. _projection.Parameters];

    /// <summary>Concatenated head outputs, projected, then dropout.</summary>
    /// <param name="x">input, shape (B, T, C)</param>
    /// <returns>output, shape (B, T, C)</returns>
    public override Tensor Forward(Tensor x)
    {
        SequenceOps.RequireSequence(x, EmbeddingSize, "MultiHeadAttention.Forward");
        var outputs = new Tensor[_heads.Length];
        for (var h = 0; h < _heads.Length; h++)
        {
            _heads[h].Training = Training;
            outputs[h] = _heads[h].Forward(x);                      // (B, T, hs)
        }

        var concatenated = SequenceOps.ConcatLastAxis(outputs);     // (B, T, n_head * hs) = (B, T, C)
        _cache = (x, concatenated);
        return _dropout.Forward(_projection.Forward(concatenated), Training);  // (B, T, C)
    }

    /// <summary>Stores the gradients of every head and of the projection; returns the gradient w.r.t. x.</summary>
    /// <param name="x">the forward input, shape (B, T, C)</param>
    /// <param name="gradOutput">gradient w.r.t. the output, shape (B, T, C)</param>
    /// <returns>gradient w.r.t. x (the sum over heads), shape (B, T, C)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        SequenceOps.RequireSequence(x, EmbeddingSize, "MultiHeadAttention.Backward");
        RequireShape("MultiHeadAttention", gradOutput, x.Shape);
        if (_cache is not { } cache || !ReferenceEquals(cache.Input, x))
        {
            Forward(x);
            cache = _cache!.Value;
        }

        var dConcatenated = _projection.Backward(cache.Concatenated, _dropout.Backward(gradOutput));  // (B, T, C)
        var headSize = EmbeddingSize / _heads.Length;
        var dx = Tensor.Zeros(x.Shape);
        for (var h = 0; h < _heads.Length; h++)
        {
            var dHead = SequenceOps.SliceLastAxis(dConcatenated, h * headSize, headSize);  // (B, T, hs)
            dx.AddInPlace(_heads[h].Backward(x, dHead));                                  // (B, T, C)
        }

        return dx;
    }
}
