namespace NeuralNet.Layers;

/// <summary>Rectified linear unit h = max{0, u}, element-wise (HW3 3.1.2, HW6 eq. 3).</summary>
public sealed class Relu : Module
{
    /// <summary>h = max{0, u}.</summary>
    /// <param name="x">input u, any shape, e.g. (N, M)</param>
    /// <returns>h, same shape as <paramref name="x"/></returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Maximum(0.0);
    }

    /// <summary>Passes the gradient where the input was positive; the gradient at exactly 0 is 0.</summary>
    /// <param name="x">the forward input u, any shape</param>
    /// <param name="gradOutput">dL/dh, same shape as <paramref name="x"/></param>
    /// <returns>dX = dL/du, same shape as <paramref name="x"/></returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireShape("Relu", gradOutput, x.Shape);
        return gradOutput * (x > 0.0);
    }
}
