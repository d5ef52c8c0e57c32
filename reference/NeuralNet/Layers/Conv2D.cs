namespace NeuralNet.Layers;

/// <summary>
/// 2-D convolution (cross-correlation, as in HW6's <c>conv_layer</c> and TensorFlow's Conv2D) computed by
/// im2col: every output position's input patch becomes one row of a matrix, so each image's feature maps
/// are one matrix product of the flattened filters with its patches.
/// </summary>
public sealed class Conv2D : Module
{
    /// <summary>Creates the layer; W and b ~ N(0, 0.1) as HW6's <c>conv_layer</c>.</summary>
    /// <param name="inChannels">input channels C</param>
    /// <param name="outChannels">filters F</param>
    /// <param name="kernelSize">filter height and width k</param>
    /// <param name="rng">the seeded generator</param>
    /// <param name="stride">step between windows</param>
    /// <param name="padding">zeros added on every side (k / 2 keeps H and W for odd k and stride 1)</param>
    public Conv2D(int inChannels, int outChannels, int kernelSize, Rng rng, int stride = 1, int padding = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentNullException.ThrowIfNull(rng);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        W = new Parameter("W", Tensor.RandomNormal([outChannels, inChannels, kernelSize, kernelSize], 0.0, 0.1, rng));
        B = new Parameter("b", Tensor.RandomNormal([outChannels], 0.0, 0.1, rng));
    }

    /// <summary>Input channels C.</summary>
    public int InChannels { get; }

    /// <summary>Number of filters F (output channels).</summary>
    public int OutChannels { get; }

    /// <summary>Filter size k (k x k).</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>Zero padding on every side.</summary>
    public int Padding { get; }

    /// <summary>Filters, shape (F, C, k, k).</summary>
    public Parameter W { get; }

    /// <summary>One bias per filter, shape (F).</summary>
    public Parameter B { get; }

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [W, B];

    /// <summary>The output shape for an input shape.</summary>
    /// <param name="inputShape">(N, C, H, W)</param>
    /// <returns>(N, F, outH, outW) with outH = (H + 2 pad - k) / stride + 1</returns>
    public int[] OutputShape(int[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 4 || inputShape[1] != InChannels)
        {
            throw new ArgumentException(
                $"Conv2D: expected x of shape (N, {InChannels}, H, W), found {ShapeText.Of(inputShape)}; reshape flat rows to images first.");
        }

        return [inputShape[0], OutChannels,
            Conv.OutputSize(inputShape[2], KernelSize, Stride, Padding),
            Conv.OutputSize(inputShape[3], KernelSize, Stride, Padding)];
    }

    /// <summary>y[n, f] = b[f] + sum over c, i, j of W[f, c, i, j] * x[n, c, oh*stride + i - pad, ow*stride + j - pad].</summary>
    /// <param name="x">images, shape (N, C, H, W)</param>
    /// <returns>feature maps, shape (N, F, outH, outW)</returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var outShape = OutputShape(x.Shape);
        // TASK(conv2d.forward): cols = Conv.Im2Col(x, k, k, Stride, Padding) as (N, outH*outW, C*k*k); y[n] = W_flat·cols[n]ᵀ + b, shape (N, F, outH*outW); reshape to (N, F, outH, outW).
        // BEGIN SOLUTION conv2d.forward
        var (n, outH, outW, patch) = (outShape[0], outShape[2], outShape[3], InChannels * KernelSize * KernelSize);
        var cols = Conv.Im2Col(x, KernelSize, KernelSize, Stride, Padding) // (N*outH*outW, C*k*k)
            .Reshape(n, outH * outW, patch); // (N, outH*outW, C*k*k)
        var wFlat = W.Value.Reshape(OutChannels, patch); // (F, C*k*k)
        var y = wFlat.MatMul(cols.Transpose(0, 2, 1)); // (N, F, outH*outW): already channels-first
        y.AddInPlace(B.Value.Reshape(OutChannels, 1)); // b[f] on every position of map f
        return y.Reshape(outShape);
        // END SOLUTION
    }

    /// <summary>Stores dW and db and returns dX.</summary>
    /// <param name="x">the forward input, shape (N, C, H, W)</param>
    /// <param name="gradOutput">dL/dy, shape (N, F, outH, outW)</param>
    /// <returns>dX, shape (N, C, H, W)</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        RequireShape("Conv2D", gradOutput, OutputShape(x.Shape));
        // TASK(conv2d.backward): g = grad as (N, F, outH*outW), cols as in forward; W.Grad = sum over n of g[n]·cols[n], reshaped to (F, C, k, k); B.Grad = sums of g over n and positions; return Col2Im of the rows g[n]ᵀ·W_flat.
        // BEGIN SOLUTION conv2d.backward
        var (n, positions, patch) = (x.Dim(0), gradOutput.Dim(2) * gradOutput.Dim(3), InChannels * KernelSize * KernelSize);
        var g = gradOutput.Reshape(n, OutChannels, positions); // (N, F, outH*outW)
        var cols = Conv.Im2Col(x, KernelSize, KernelSize, Stride, Padding) // (N*outH*outW, C*k*k)
            .Reshape(n, positions, patch); // (N, outH*outW, C*k*k)
        var wFlat = W.Value.Reshape(OutChannels, patch); // (F, C*k*k)
        W.Grad = g.MatMul(cols).Sum(0).Reshape(W.Value.Shape); // (F, C, k, k)
        B.Grad = g.Sum(2).Sum(0); // (F)
        if (!InputGradientNeeded)
        {
            return Tensor.NotComputed(x.Shape); // the network's first layer: nothing reads dX
        }

        var dCols = g.Transpose(0, 2, 1).MatMul(wFlat); // (N, outH*outW, C*k*k)
        return Conv.Col2Im(dCols.Reshape(n * positions, patch), x.Shape, KernelSize, KernelSize, Stride, Padding); // (N, C, H, W)
        // END SOLUTION
    }
}
