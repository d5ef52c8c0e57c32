using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// The decoder-only transformer language model of seed 000, Problem 4 (the notebook's
/// <c>BigramLanguageModel</c>, Figure 11): token embedding + position embedding, n_layer
/// <see cref="Block"/>s, a final layer norm and a linear head to vocabulary logits.
/// </summary>
public sealed partial class TransformerLanguageModel : Module
{
    private readonly TokenEmbedding _tokenEmbedding;
    private readonly PositionalEmbedding _positionEmbedding;
    private readonly Block[] _blocks;
    private readonly LayerNorm _finalNorm;
    private readonly SequenceLinear _lmHead;
    private ModelCache? _cache;

    /// <summary>Builds the model; the parameters are drawn from <paramref name="rng"/> in a fixed order.</summary>
    /// <param name="config">hyper-parameters (validated)</param>
    /// <param name="rng">generator for the initial weights and, later, the dropout masks</param>
    public TransformerLanguageModel(TransformerConfig config, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rng);
        config.Validate();
        Config = config;
        _tokenEmbedding = new TokenEmbedding(config.VocabSize, config.NEmbd, rng);
        _positionEmbedding = new PositionalEmbedding(config.BlockSize, config.NEmbd, rng);
        _blocks = new Block[config.NLayer];
        for (var i = 0; i < _blocks.Length; i++)
        {
            _blocks[i] = new Block(config.NEmbd, config.NHead, config.BlockSize, config.Dropout, rng);
        }

        _finalNorm = new LayerNorm(config.NEmbd);
        _lmHead = new SequenceLinear(config.NEmbd, config.VocabSize, rng);
    }

    /// <summary>The hyper-parameters the model was built with.</summary>
    public TransformerConfig Config { get; }

    /// <summary>The token embedding table (V, C).</summary>
    public TokenEmbedding TokenEmbedding => _tokenEmbedding;

    /// <summary>The position embedding table (block_size, C).</summary>
    public PositionalEmbedding PositionEmbedding => _positionEmbedding;

    /// <summary>The transformer blocks, input to output.</summary>
    public IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>The final layer norm (the handout's <c>ln_f</c>).</summary>
    public LayerNorm FinalNorm => _finalNorm;

    /// <summary>The language-model head, (C, V) with bias.</summary>
    public SequenceLinear LmHead => _lmHead;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters =>
    [
        .. _tokenEmbedding.Parameters, .. _positionEmbedding.Parameters,
        .. _blocks.SelectMany(b => b.Parameters), .. _finalNorm.Parameters, .. _lmHead.Parameters,
    ];

    /// <summary>Next-token logits at every position.</summary>
    /// <param name="x">token indices, shape (B, T) with T &lt;= block_size</param>
    /// <returns>logits, shape (B, T, V)</returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var tokens = _tokenEmbedding.Forward(x);                  // (B, T, C)
        var h = _positionEmbedding.Forward(tokens);               // (B, T, C)
        var blockInputs = new Tensor[_blocks.Length];
        for (var i = 0; i < _blocks.Length; i++)
        {
            _blocks[i].Training = Training;
            blockInputs[i] = h;
            h = _blocks[i].Forward(h);                            // (B, T, C)
        }

        var normed = _finalNorm.Forward(h);                       // (B, T, C)
        _cache = new ModelCache(x, tokens, blockInputs, h, normed);
        return _lmHead.Forward(normed);                           // (B, T, V)
    }

    /// <summary>Stores every parameter's gradient for the given dLogits.</summary>
    /// <param name="x">the forward input (token indices), shape (B, T)</param>
    /// <param name="gradOutput">gradient w.r.t. the logits, shape (B, T, V)</param>
    /// <returns>zeros of shape (B, T): token indices carry no gradient</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (_cache is null || !ReferenceEquals(_cache.Input, x))
        {
            Forward(x);
        }

        var c = _cache!;
        var dh = _finalNorm.Backward(c.LastHidden, _lmHead.Backward(c.Normed, gradOutput));  // (B, T, C)
        for (var i = _blocks.Length - 1; i >= 0; i--)
        {
            dh = _blocks[i].Backward(c.BlockInputs[i], dh);                                   // (B, T, C)
        }

        var dTokens = _positionEmbedding.Backward(c.Tokens, dh);                              // (B, T, C)
        return _tokenEmbedding.Backward(x, dTokens);                                          // (B, T)
    }

    /// <summary>Mean cross-entropy of the next-token predictions (forward only; the handout's <c>loss</c>).</summary>
    /// <param name="x">token indices, shape (B, T)</param>
    /// <param name="targets">the next tokens, shape (B, T)</param>
    /// <returns>mean loss over the B*T positions</returns>
    public double Loss(Tensor x, Tensor targets) => SequenceCrossEntropy.Loss(Forward(x), targets);

    /// <summary>Forward, loss and backward in one call: afterwards every parameter holds its gradient.</summary>
    /// <param name="x">token indices, shape (B, T)</param>
    /// <param name="targets">the next tokens, shape (B, T)</param>
    /// <returns>the mean loss before the update</returns>
    public double LossAndGradients(Tensor x, Tensor targets)
    {
        var logits = Forward(x);                                                         // (B, T, V)
        var (loss, dLogits) = SequenceCrossEntropy.LossAndGradient(logits, targets);
        Backward(x, dLogits);
        return loss;
    }

    private sealed record ModelCache(Tensor Input, Tensor Tokens, Tensor[] BlockInputs, Tensor LastHidden, Tensor Normed);
}
