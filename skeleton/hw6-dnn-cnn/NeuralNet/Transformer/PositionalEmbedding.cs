using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// The learned position embedding (the handout's <c>position_embedding_table</c>, a
/// (block_size, n_embd) <c>nn.Embedding</c>, N(0, 1) initial values). Here it is the addition
/// <c>x + P[0..T)</c>, so it takes the token embeddings and returns <c>tok_emb + pos_emb</c>.
/// </summary>
public sealed class PositionalEmbedding : Module
{
    private readonly Parameter _weight;

    /// <summary>Creates a (blockSize, nEmbd) table drawn from N(0, 1).</summary>
    public PositionalEmbedding(int blockSize, int nEmbd, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (blockSize <= 0 || nEmbd <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(blockSize), $"PositionalEmbedding: sizes must be positive, found block_size={blockSize}, n_embd={nEmbd}.");
        }

        BlockSize = blockSize;
        EmbeddingSize = nEmbd;
        _weight = new Parameter("weight", Tensor.RandomNormal([blockSize, nEmbd], 0.0, 1.0, rng));
    }

    /// <summary>Longest sequence the table covers.</summary>
    public int BlockSize { get; }

    /// <summary>Embedding size C.</summary>
    public int EmbeddingSize { get; }

    /// <summary>The table, shape (block_size, C).</summary>
    public Parameter Weight => _weight;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [_weight];

    /// <summary>Adds position t's vector to every sequence's element t.</summary>
    /// <param name="x">token embeddings, shape (B, T, C) with T &lt;= block_size</param>
    /// <returns>x + P[0..T), shape (B, T, C)</returns>
    public override Tensor Forward(Tensor x)
    {
        var t = CheckInput(x, "Forward");
        return x + _weight.Value.Slice(0, t);  // (B, T, C) + (T, C)
    }

    /// <summary>Stores dP[t] = sum over the batch of dy[:, t]; rows past T get zero.</summary>
    /// <param name="x">the forward input, shape (B, T, C)</param>
    /// <param name="gradOutput">gradient w.r.t. the output, shape (B, T, C)</param>
    /// <returns>gradient w.r.t. x: gradOutput itself, shape (B, T, C)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        var t = CheckInput(x, "Backward");
        RequireShape("PositionalEmbedding", gradOutput, x.Shape);
        _weight.Grad.Fill(0.0);
        var used = gradOutput.Sum(0);                 // (T, C)
        used.AsSpan().CopyTo(_weight.Grad.AsSpan());
        return gradOutput;
    }

    private int CheckInput(Tensor x, string method)
    {
        SequenceOps.RequireSequence(x, EmbeddingSize, $"PositionalEmbedding.{method}");
        var t = x.Dim(1);
        if (t > BlockSize)
        {
            throw new ArgumentException($"PositionalEmbedding.{method}: sequence length {t} exceeds block_size {BlockSize}; crop the context to the last {BlockSize} tokens.");
        }

        return t;
    }
}
