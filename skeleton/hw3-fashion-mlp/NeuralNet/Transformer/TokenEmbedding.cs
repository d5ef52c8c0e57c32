using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// The token embedding table (PyTorch's <c>nn.Embedding(vocab_size, n_embd)</c>): row i is the vector
/// of token i. Initialised N(0, 1) like PyTorch.
/// </summary>
public sealed class TokenEmbedding : Module
{
    private readonly Parameter _weight;

    /// <summary>Creates a (vocabSize, nEmbd) table drawn from N(0, 1).</summary>
    public TokenEmbedding(int vocabSize, int nEmbd, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (vocabSize <= 0 || nEmbd <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(vocabSize), $"TokenEmbedding: sizes must be positive, found vocab={vocabSize}, n_embd={nEmbd}.");
        }

        VocabSize = vocabSize;
        EmbeddingSize = nEmbd;
        _weight = new Parameter("weight", Tensor.RandomNormal([vocabSize, nEmbd], 0.0, 1.0, rng));
    }

    /// <summary>Number of tokens in the vocabulary.</summary>
    public int VocabSize { get; }

    /// <summary>Embedding size C.</summary>
    public int EmbeddingSize { get; }

    /// <summary>The table, shape (V, C).</summary>
    public Parameter Weight => _weight;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [_weight];

    /// <summary>Looks up each token's row.</summary>
    /// <param name="x">token indices as whole numbers, shape (B, T)</param>
    /// <returns>embeddings, shape (B, T, C)</returns>
    public override Tensor Forward(Tensor x)
    {
        var indices = Indices(x, "Forward");
        return _weight.Value.Rows(indices).Reshape(x.Dim(0), x.Dim(1), EmbeddingSize);  // (B, T, C)
    }

    /// <summary>Stores dW: each token's row collects the gradients of all its occurrences.</summary>
    /// <param name="x">the forward input (token indices), shape (B, T)</param>
    /// <param name="gradOutput">gradient w.r.t. the embeddings, shape (B, T, C)</param>
    /// <returns>zeros of shape (B, T): token indices carry no gradient</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        var indices = Indices(x, "Backward");
        RequireShape("TokenEmbedding", gradOutput, [x.Dim(0), x.Dim(1), EmbeddingSize]);
        var dW = Tensor.Zeros(VocabSize, EmbeddingSize);
        var target = dW.AsSpan();
        var source = gradOutput.Contiguous().AsSpan();
        for (var n = 0; n < indices.Length; n++)
        {
            var row = target.Slice(indices[n] * EmbeddingSize, EmbeddingSize);
            var grad = source.Slice(n * EmbeddingSize, EmbeddingSize);
            for (var c = 0; c < EmbeddingSize; c++)
            {
                row[c] += grad[c];
            }
        }

        _weight.Grad.CopyFrom(dW);
        return Tensor.Zeros(x.Shape);
    }

    private int[] Indices(Tensor x, string method)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2)
        {
            throw new ArgumentException($"TokenEmbedding.{method}: expected token indices of shape (B, T), found {SequenceOps.Format(x)}.");
        }

        var values = x.ToArray();
        var indices = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            if (v != Math.Floor(v) || v < 0 || v >= VocabSize)
            {
                throw new ArgumentOutOfRangeException(nameof(x), $"TokenEmbedding.{method}: token {v} at flat position {i} is not an index in [0, {VocabSize}).");
            }

            indices[i] = (int)v;
        }

        return indices;
    }
}
