namespace NeuralNet.Layers;

/// <summary>Reshapes feature maps into vectors for a linear layer: (N, C, H, W) -> (N, C*H*W) (HW6 figure 3's flatten).</summary>
public sealed class Flatten : Module
{
    /// <summary>Flattens everything but the batch axis.</summary>
    /// <param name="x">input, shape (N, ...), e.g. (N, C, H, W)</param>
    /// <returns>shape (N, C*H*W), same values in row-major order</returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2)
        {
            throw new ArgumentException($"Flatten: expected a batch of shape (N, ...), found {ShapeText.Of(x.Shape)}.");
        }

        return x.Reshape(x.Dim(0), -1);
    }

    /// <summary>Reshapes the gradient back to the input's shape.</summary>
    /// <param name="x">the forward input, shape (N, C, H, W)</param>
    /// <param name="gradOutput">dL/dy, shape (N, C*H*W)</param>
    /// <returns>dX, shape (N, C, H, W)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireShape("Flatten", gradOutput, [x.Dim(0), x.Size / Math.Max(1, x.Dim(0))]);
        return gradOutput.Reshape(x.Shape);
    }
}
