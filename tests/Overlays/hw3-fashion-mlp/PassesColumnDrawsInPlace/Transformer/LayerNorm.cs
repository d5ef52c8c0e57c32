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
        var c = EmbeddingSize;
        var data = x.Contiguous().ToArray();
        var rows = data.Length / c;
        var xHat = new double[data.Length];
        var inv = new double[rows];
        var y = new double[data.Length];
        for (var r = 0; r < rows; r++)
        {
            var mean = 0.0;
            for (var j = 0; j < c; j++)
            {
                mean += data[r * c + j];
            }

            mean /= c;
            var variance = 0.0;
            for (var j = 0; j < c; j++)
            {
                var diff = data[r * c + j] - mean;
                variance += diff * diff;
            }

            variance /= c;
            inv[r] = 1.0 / Math.Sqrt(variance + Eps);
            for (var j = 0; j < c; j++)
            {
                xHat[r * c + j] = (data[r * c + j] - mean) * inv[r];
                y[r * c + j] = _gamma.Value[j] * xHat[r * c + j] + _beta.Value[j];
            }
        }

        var statShape = x.Shape;
        statShape[^1] = 1;
        _cache = new LayerNormCache(x, Tensor.FromArray(xHat, x.Shape), Tensor.FromArray(inv, statShape));
        return Tensor.FromArray(y, x.Shape);
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
        var g = gradOutput.Contiguous().ToArray();
        var xh = cache.XHat.ToArray();
        var inv = cache.InvStd.ToArray();
        var dGamma = new double[c];
        var dBeta = new double[c];
        var dx = new double[g.Length];
        for (var r = 0; r < inv.Length; r++)
        {
            // dx = (1/C) invStd (C dxhat - sum dxhat - xhat sum(dxhat xhat))
            double sumD = 0, sumDX = 0;
            for (var j = 0; j < c; j++)
            {
                var d = g[r * c + j] * _gamma.Value[j];
                sumD += d;
                sumDX += d * xh[r * c + j];
                dGamma[j] += g[r * c + j] * xh[r * c + j];
                dBeta[j] += g[r * c + j];
            }

            for (var j = 0; j < c; j++)
            {
                var d = g[r * c + j] * _gamma.Value[j];
                dx[r * c + j] = inv[r] / c * (c * d - sumD - xh[r * c + j] * sumDX);
            }
        }

        _gamma.Grad = Tensor.FromArray(dGamma, c);
        _beta.Grad = Tensor.FromArray(dBeta, c);
        return Tensor.FromArray(dx, x.Shape);
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
