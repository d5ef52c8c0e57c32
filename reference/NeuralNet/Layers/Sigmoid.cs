namespace NeuralNet.Layers;

/// <summary>Logistic sigmoid s = 1 / (1 + e^-x), element-wise (Homework 5's hidden layer, A1's two-layer net).</summary>
public sealed class Sigmoid : Module
{
    /// <summary>s = 1 / (1 + e^-x).</summary>
    /// <param name="x">input, any shape</param>
    /// <returns>s, same shape as <paramref name="x"/>, values in (0, 1)</returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        // TASK(sigmoid.forward): return 1 / (1 + exp(-x)) element-wise.
        // BEGIN SOLUTION sigmoid.forward
        return x.Sigmoid();
        // END SOLUTION
    }

    /// <summary>ds/dx = s (1 - s).</summary>
    /// <param name="x">the forward input, any shape</param>
    /// <param name="gradOutput">dL/ds, same shape as <paramref name="x"/></param>
    /// <returns>dX = dL/ds * s * (1 - s), same shape as <paramref name="x"/></returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireShape("Sigmoid", gradOutput, x.Shape);
        // TASK(sigmoid.backward): return grad * s * (1 - s) where s = sigmoid(x).
        // BEGIN SOLUTION sigmoid.backward
        var s = x.Sigmoid();
        return gradOutput * s * (1.0 - s);
        // END SOLUTION
    }
}
