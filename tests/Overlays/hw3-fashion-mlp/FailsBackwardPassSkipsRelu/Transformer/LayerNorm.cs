using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// Layer normalisation over the last axis (PyTorch's <c>nn.LayerNorm(n_embd)</c>): each position's
/// vector is shifted to mean 0 and scaled to variance 1 (biased variance, eps 1e-5), then
/// y = gamma * x_hat + beta with learnable gamma (init 1) and beta (init 0).
/// </summary>
public sealed class LayerNorm : Module
{
    /// <summary>Added to the variance before the square root, as in PyTorch.</summary>
    public const double Eps = 1e-5;

    private readonly Parameter _gamma;
    private readonly Parameter _beta;
    private LayerNormCache? _cache;

    /// <summary>Creates gamma = 1 and beta = 0 of shape (C).</summary>
    /// <param name="nEmbd">size C of the normalised axis</param>
    public LayerNorm(int nEmbd)
    {
        if (nEmbd <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nEmbd), nEmbd, "LayerNorm: size must be positive.");
        }

        EmbeddingSize = nEmbd;
        _gamma = new Parameter("gamma", Tensor.Ones(nEmbd));
        _beta = new Parameter("beta", Tensor.Zeros(nEmbd));
    }

    /// <summary>Size C of the normalised (last) axis.</summary>
    public int EmbeddingSize { get; }

    /// <summary>The scale, shape (C).</summary>
    public Parameter Gamma => _gamma;

    /// <summary>The shift, shape (C).</summary>
    public Parameter Beta => _beta;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [_gamma, _beta];

    /// <summary>Normalises each position's vector, then scales and shifts it.</summary>
    /// <param name="x">input, shape (B, T, C) (any shape whose last axis is C)</param>
    /// <returns>gamma * (x - mean) / sqrt(var + eps) + beta, shape of x</returns>
    public override Tensor Forward(Tensor x)
    {
        CheckInput(x, "Forward");
        var last = x.Rank - 1;
        var mean = x.Mean(last, keepDims: true); // (B, T, 1)
        var centred = x - mean;
        var variance = centred.Square().Mean(last, keepDims: true); // biased
        var invStd = 1.0 / (variance + Eps).Sqrt(); // (B, T, 1)
        var xHat = centred * invStd;
        _cache = new LayerNormCache(x, xHat, invStd);
        return xHat * _gamma.Value + _beta.Value;
    }

    /// <summary>Stores d(gamma) and d(beta); returns the gradient w.r.t. x.</summary>
    /// <param name="x">the forward input, shape (B, T, C)</param>
    /// <param name="gradOutput">gradient w.r.t. the output, shape (B, T, C)</param>
    /// <returns>gradient w.r.t. x, shape (B, T, C)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        CheckInput(x, "Backward");
        RequireShape("LayerNorm", gradOutput, x.Shape);
        var cache = CacheFor(x);
        var c = EmbeddingSize;
        var g2 = gradOutput.Reshape(-1, c); // (B*T, C)
        _gamma.Grad = (g2 * cache.XHat.Reshape(-1, c)).Sum(0);
        _beta.Grad = g2.Sum(0);
        var last = x.Rank - 1;
        var dXHat = gradOutput * _gamma.Value;
        return cache.InvStd * (dXHat - dXHat.Mean(last, keepDims: true) - cache.XHat * (dXHat * cache.XHat).Mean(last, keepDims: true));
    }

    private void CheckInput(Tensor x, string method)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 1 || x.Dim(-1) != EmbeddingSize)
        {
            throw new ArgumentException($"LayerNorm.{method}: expected input of shape (..., {EmbeddingSize}), found {SequenceOps.Format(x)}.");
        }
    }

    private LayerNormCache CacheFor(Tensor x)
    {
        if (_cache is null || !ReferenceEquals(_cache.Input, x))
        {
            Forward(x);
        }

        return _cache ?? throw new InvalidOperationException("LayerNorm.Backward: Forward did not store its intermediates in _cache.");
    }

    /// <summary>What Backward needs: the input, x_hat (B, T, C) and 1/sqrt(var + eps) (B, T, 1).</summary>
    private sealed record LayerNormCache(Tensor Input, Tensor XHat, Tensor InvStd);
}
