namespace NeuralNet.Transformer;

/// <summary>
/// The decoder's causal mask (the handout's <c>tril</c> buffer): position t may attend to positions
/// 0..t only, so the output at t cannot depend on later tokens.
/// </summary>
internal static class CausalMask
{
    /// <summary>
    /// Additive mask of shape (T, T): 0 on and below the diagonal, -infinity above it. Added to the
    /// attention scores before the softmax, it gives the masked positions weight exp(-inf) = 0.
    /// </summary>
    public static Tensor Additive(int t)
    {
        var mask = Tensor.Zeros(t, t);
        var data = mask.AsSpan();
        for (var i = 0; i < t; i++)
        {
            for (var j = i + 1; j < t; j++)
            {
                data[i * t + j] = double.NegativeInfinity;
            }
        }

        return mask;
    }
}
