namespace NeuralNet.Transformer;

/// <summary>
/// Inverted dropout as PyTorch's <c>nn.Dropout</c> does it: in training each element is zeroed with
/// probability p and the survivors are scaled by 1/(1-p), so evaluation needs no rescaling. Remembers
/// the last mask for <see cref="Backward"/>. The transformer keeps its own instead of the course's
/// <c>Layers.Dropout</c> so that it still runs in kits where <c>dropout.forward</c> is a student part.
/// </summary>
internal sealed class DropoutMask
{
    private readonly double _rate;
    private readonly Rng _rng;
    private Tensor? _mask;

    public DropoutMask(double rate, Rng rng)
    {
        if (rate is < 0.0 or >= 1.0 || double.IsNaN(rate))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Dropout: rate must be in [0, 1).");
        }

        _rate = rate;
        _rng = rng;
    }

    /// <summary>The input with dropout applied when <paramref name="training"/> and p &gt; 0; otherwise the input itself.</summary>
    public Tensor Forward(Tensor x, bool training)
    {
        if (!training || _rate == 0.0)
        {
            _mask = null;
            return x;
        }

        var keep = 1.0 - _rate;
        var mask = Tensor.Zeros(x.Shape);
        var data = mask.AsSpan();
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = _rng.NextDouble() < keep ? 1.0 / keep : 0.0;
        }

        _mask = mask;
        return x * mask;
    }

    /// <summary>The gradient through the last <see cref="Forward"/>: the same mask and scale.</summary>
    public Tensor Backward(Tensor gradOutput) => _mask is null ? gradOutput : gradOutput * _mask;
}
