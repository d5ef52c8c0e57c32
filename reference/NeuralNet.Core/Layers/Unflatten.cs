namespace NeuralNet.Layers;

/// <summary>
/// Turns flat rows back into images, (N, C*H*W) -> (N, C, H, W): the <c>reshape(-1, 1, 28, 28)</c> the CNN
/// scripts apply to MNIST rows before the first convolution.
/// </summary>
public sealed class Unflatten : Module
{
    /// <summary>Creates the layer for images of one shape.</summary>
    /// <param name="channels">C</param>
    /// <param name="height">H</param>
    /// <param name="width">W</param>
    public Unflatten(int channels, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ImageShape = [channels, height, width];
    }

    /// <summary>(C, H, W).</summary>
    public IReadOnlyList<int> ImageShape { get; }

    /// <summary>Reshapes rows into images.</summary>
    /// <param name="x">rows, shape (N, C*H*W)</param>
    /// <returns>images, shape (N, C, H, W)</returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var features = ImageShape[0] * ImageShape[1] * ImageShape[2];
        if (x.Rank != 2 || x.Dim(1) != features)
        {
            throw new ArgumentException(
                $"Unflatten: expected rows of shape (N, {features}) for images ({string.Join(", ", ImageShape)}), found {ShapeText.Of(x.Shape)}.");
        }

        return x.Reshape(x.Dim(0), ImageShape[0], ImageShape[1], ImageShape[2]);
    }

    /// <summary>Reshapes the gradient back to rows.</summary>
    /// <param name="x">the forward input, shape (N, C*H*W)</param>
    /// <param name="gradOutput">dL/dy, shape (N, C, H, W)</param>
    /// <returns>dX, shape (N, C*H*W)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(gradOutput);
        RequireShape("Unflatten", gradOutput, [x.Dim(0), ImageShape[0], ImageShape[1], ImageShape[2]]);
        return gradOutput.Reshape(x.Shape);
    }
}
