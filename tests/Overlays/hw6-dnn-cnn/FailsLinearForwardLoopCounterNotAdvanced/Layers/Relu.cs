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
        // TASK(relu.forward): return max{0, x} element-wise (hint: x times the 0/1 mask x > 0).
        // BEGIN SOLUTION relu.forward
        return x.Map(v => v > 0 ? v : 0.0);
        // END SOLUTION
    }

    /// <summary>Passes the gradient where the input was positive; the gradient at exactly 0 is 0.</summary>
    /// <param name="x">the forward input u, any shape</param>
    /// <param name="gradOutput">dL/dh, same shape as <paramref name="x"/></param>
    /// <returns>dX = dL/du, same shape as <paramref name="x"/></returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireShape("Relu", gradOutput, x.Shape);
        // TASK(relu.backward): return grad where x > 0 and 0 elsewhere (also 0 at x == 0).
        // BEGIN SOLUTION relu.backward
        var input = x.ToArray();
        var upstream = gradOutput.ToArray();
        var result = new double[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            result[i] = input[i] > 0 ? upstream[i] : 0.0;
        }

        return Tensor.FromArray(result, x.Shape);
        // END SOLUTION
    }
}
