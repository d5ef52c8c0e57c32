namespace NeuralNet.Layers;

/// <summary>Hyperbolic tangent, element-wise (the alternative activation of HW6's scripts).</summary>
public sealed class Tanh : Module
{
    /// <summary>t = tanh(x).</summary>
    /// <param name="x">input, any shape</param>
    /// <returns>t, same shape as <paramref name="x"/>, values in (-1, 1)</returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        // TASK(tanh.forward): return tanh(x) element-wise.
        // BEGIN SOLUTION tanh.forward
        return x.Tanh();
        // END SOLUTION
    }

    /// <summary>dt/dx = 1 - t^2.</summary>
    /// <param name="x">the forward input, any shape</param>
    /// <param name="gradOutput">dL/dt, same shape as <paramref name="x"/></param>
    /// <returns>dX = dL/dt * (1 - tanh(x)^2), same shape as <paramref name="x"/></returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireShape("Tanh", gradOutput, x.Shape);
        // TASK(tanh.backward): return grad * (1 - tanh(x)^2).
        // BEGIN SOLUTION tanh.backward
        var t = x.Tanh();
        return gradOutput * (1.0 - t.Square());
        // END SOLUTION
    }
}
