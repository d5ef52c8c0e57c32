namespace NeuralNet.Layers;

/// <summary>
/// Inverted dropout as HW6 eq. 19-21: s = 1/(1-r) * 1[p &gt;= r] * q with p ~ U[0, 1) drawn afresh for every
/// entry on every training forward pass, and the same mask reused by the backward pass. At test time
/// (<see cref="Module.Training"/> false) the dropout rate is 0 and the layer is the identity.
/// </summary>
public sealed class Dropout : Module
{
    private readonly Rng _rng;

    /// <summary>Creates the layer.</summary>
    /// <param name="rate">the dropout rate r in [0, 1)</param>
    /// <param name="rng">the seeded generator the masks p come from</param>
    public Dropout(double rate, Rng rng)
    {
        if (rate is < 0.0 or >= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Dropout: the rate r must be in [0, 1).");
        }

        ArgumentNullException.ThrowIfNull(rng);
        Rate = rate;
        _rng = rng;
    }

    /// <summary>The dropout rate r.</summary>
    public double Rate { get; }

    /// <summary>
    /// The scaled mask of the last forward pass, 1[p &gt;= r] / (1 - r) (entries 0 or 1/(1-r)); all ones after a
    /// test-time pass. Null before the first forward pass.
    /// </summary>
    public Tensor? Mask { get; private set; }

    /// <summary>Fixes the mask for the next backward pass (tests and grading), from a 0/1 keep pattern.</summary>
    /// <param name="keep">1 where the unit is kept (p &gt;= r), 0 where it is dropped, shape of the input</param>
    public void SetKeepMask(Tensor keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        if (keep.ToArray().Any(v => v is not (0.0 or 1.0)))
        {
            throw new ArgumentException("Dropout.SetKeepMask: the keep pattern must contain only 0 and 1.");
        }

        Mask = keep / (1.0 - Rate);
    }

    /// <summary>Draws the 0/1 keep pattern 1[p &gt;= r] with p ~ U[0, 1).</summary>
    /// <param name="shape">the input's shape</param>
    /// <returns>a tensor of 0s and 1s, same shape</returns>
    public Tensor SampleKeepMask(int[] shape) => Tensor.RandomUniform(shape, 0.0, 1.0, _rng) >= Rate;

    /// <summary>Applies dropout (training) or passes the input through (test).</summary>
    /// <param name="x">input q, any shape, e.g. (N, J)</param>
    /// <returns>s, same shape as <paramref name="x"/></returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!Training)
        {
            Mask = Tensor.Ones(x.Shape);
            return x;
        }

        // TASK(dropout.forward): set Mask = SampleKeepMask(x.Shape) / (1 - Rate) (a fresh p every call) and return x * Mask.
        // BEGIN SOLUTION dropout.forward
        Mask = SampleKeepMask(x.Shape) / (1.0 - Rate);
        return x * Mask;
        // END SOLUTION
    }

    /// <summary>Routes the gradient through the units the last forward pass kept (HW6 eq. 21).</summary>
    /// <param name="x">the forward input q, any shape</param>
    /// <param name="gradOutput">dL/ds, same shape as <paramref name="x"/></param>
    /// <returns>dX = dL/dq = 1/(1-r) * 1[p &gt;= r] * dL/ds, same shape as <paramref name="x"/></returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireShape("Dropout", gradOutput, x.Shape);
        var mask = Mask ?? throw new InvalidOperationException("Dropout.Backward: no mask yet; call Forward first (it samples the mask p >= r).");
        if (!mask.SameShape(x))
        {
            throw new InvalidOperationException($"Dropout.Backward: the mask has shape {ShapeText.Of(mask.Shape)} but x has shape {ShapeText.Of(x.Shape)}; call Forward on this x first.");
        }

        // TASK(dropout.backward): return dL/dq = Mask * grad (Mask already holds 1[p >= r] / (1 - r) from the forward pass).
        // BEGIN SOLUTION dropout.backward
        var dq = gradOutput.Clone();
        dq.MultiplyInPlace(mask);
        return dq;
        // END SOLUTION
    }
}
