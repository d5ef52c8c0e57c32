using NeuralNet.Layers;

namespace NeuralNet.Transformer;

/// <summary>
/// PyTorch's <c>nn.Linear</c> applied at every position of a sequence: y = x W (+ b) for x of shape
/// (B, T, in). W is stored (in, out) as in the course's <c>Linear</c>; the key, query and value
/// projections of a <see cref="Head"/> have no bias.
/// </summary>
/// <remarks>
/// Initialisation follows PyTorch's default, which the handout's notebook keeps: W and b uniform in
/// [-1/sqrt(in), 1/sqrt(in)]. Separate from the course's <c>Layers.Linear</c> (2-D input, HW3's N(0, 0.1)
/// init, always a bias, and <c>linear.forward</c>/<c>linear.backward</c> are student parts elsewhere).
/// </remarks>
public sealed class SequenceLinear : Module
{
    private readonly Parameter _weight;
    private readonly Parameter? _bias;

    /// <summary>Creates the layer with PyTorch's default initialisation.</summary>
    /// <param name="inFeatures">input size (the last axis of x)</param>
    /// <param name="outFeatures">output size</param>
    /// <param name="rng">generator for the initial weights</param>
    /// <param name="bias">false for a projection without bias (key, query, value)</param>
    public SequenceLinear(int inFeatures, int outFeatures, Rng rng, bool bias = true)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (inFeatures <= 0 || outFeatures <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inFeatures), $"SequenceLinear: sizes must be positive, found in={inFeatures}, out={outFeatures}.");
        }

        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        var bound = 1.0 / Math.Sqrt(inFeatures);
        _weight = new Parameter("W", Tensor.RandomUniform([inFeatures, outFeatures], -bound, bound, rng));
        _bias = bias ? new Parameter("b", Tensor.RandomUniform([outFeatures], -bound, bound, rng)) : null;
    }

    /// <summary>Input size.</summary>
    public int InFeatures { get; }

    /// <summary>Output size.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight, shape (in, out).</summary>
    public Parameter Weight => _weight;

    /// <summary>The bias, shape (out), or null for a layer without bias.</summary>
    public Parameter? Bias => _bias;

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => _bias is null ? [_weight] : [_weight, _bias];

    /// <summary>y = x W + b at every position.</summary>
    /// <param name="x">input, shape (..., in), e.g. (B, T, in)</param>
    /// <returns>output, shape (..., out)</returns>
    public override Tensor Forward(Tensor x)
    {
        var rows = RowsOf(x, "Forward");
        var y = x.Reshape(rows, InFeatures).MatMul(_weight.Value);  // (B*T, out)
        if (_bias is not null)
        {
            y += _bias.Value;
        }

        return y.Reshape(OutputShape(x));                            // (B, T, out)
    }

    /// <summary>Stores dW = x^T dy and db = sum of dy over positions; returns dx = dy W^T.</summary>
    /// <param name="x">the forward input, shape (..., in)</param>
    /// <param name="gradOutput">gradient w.r.t. the output, shape (..., out)</param>
    /// <returns>gradient w.r.t. x, shape (..., in)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        var rows = RowsOf(x, "Backward");
        RequireShape("SequenceLinear", gradOutput, OutputShape(x));
        var x2 = x.Reshape(rows, InFeatures);                       // (B*T, in)
        var dy = gradOutput.Reshape(rows, OutFeatures);             // (B*T, out)
        _weight.Grad.CopyFrom(x2.T.MatMul(dy));                     // (in, out)
        _bias?.Grad.CopyFrom(dy.Sum(0));                            // (out)
        return dy.MatMul(_weight.Value.T).Reshape(x.Shape);         // (B, T, in)
    }

    private int RowsOf(Tensor x, string method)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 1 || x.Dim(-1) != InFeatures)
        {
            throw new ArgumentException($"SequenceLinear.{method}: expected input of shape (..., {InFeatures}), found {SequenceOps.Format(x)}.");
        }

        return x.Size / InFeatures;
    }

    private int[] OutputShape(Tensor x)
    {
        var shape = x.Shape;
        shape[^1] = OutFeatures;
        return shape;
    }
}
