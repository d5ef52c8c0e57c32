namespace NeuralNet.Optimizers;

/// <summary>
/// HW6's weight decay (the <c>--lambda</c> option, "w" in the log names): the optimiser uses
/// g = dL/dw + lambda * w, the gradient of L + lambda/2 ||w||^2, for every parameter (weights and biases)
/// before the momentum step.
/// </summary>
public static class WeightDecay
{
    /// <summary>The decayed gradient.</summary>
    /// <param name="grad">dL/dw, any shape</param>
    /// <param name="w">the parameter's value, same shape as <paramref name="grad"/></param>
    /// <param name="lambda">the decay strength (0 leaves the gradient unchanged)</param>
    /// <returns>g = grad + lambda * w, a new tensor of the same shape</returns>
    public static Tensor Gradient(Tensor grad, Tensor w, double lambda)
    {
        ArgumentNullException.ThrowIfNull(grad);
        ArgumentNullException.ThrowIfNull(w);
        if (!grad.SameShape(w))
        {
            throw new ArgumentException($"WeightDecay: gradient shape ({string.Join(", ", grad.Shape)}) differs from parameter shape ({string.Join(", ", w.Shape)}).");
        }

        // TASK(weight_decay): return grad + lambda * w (a new tensor; do not modify grad or w).
        // BEGIN SOLUTION weight_decay
        return grad + lambda * w;
        // END SOLUTION
    }
}
