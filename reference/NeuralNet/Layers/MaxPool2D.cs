using System.Runtime.CompilerServices;

namespace NeuralNet.Layers;

/// <summary>
/// Max pooling over k x k windows of each channel (HW6's <c>max_pool</c>, HW3 3.5). The backward pass sends
/// each window's gradient to the position that held the maximum (the first one when several tie, like
/// <c>np.argmax</c>).
/// </summary>
public sealed class MaxPool2D : Module
{
    /// <summary>Creates the layer.</summary>
    /// <param name="kernelSize">window height and width k</param>
    /// <param name="stride">step between windows (HW6 and HW3 use stride = k = 2)</param>
    public MaxPool2D(int kernelSize, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        KernelSize = kernelSize;
        Stride = stride;
    }

    /// <summary>Window size k.</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>The output shape for an input shape.</summary>
    /// <param name="inputShape">(N, C, H, W)</param>
    /// <returns>(N, C, (H - k) / stride + 1, (W - k) / stride + 1)</returns>
    public int[] OutputShape(int[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 4)
        {
            throw new ArgumentException($"MaxPool2D: expected x of shape (N, C, H, W), found {ShapeText.Of(inputShape)}.");
        }

        return [inputShape[0], inputShape[1],
            Conv.OutputSize(inputShape[2], KernelSize, Stride, 0),
            Conv.OutputSize(inputShape[3], KernelSize, Stride, 0)];
    }

    /// <summary>y[n, c, oh, ow] = max of the k x k window of x[n, c] starting at (oh*stride, ow*stride).</summary>
    /// <param name="x">feature maps, shape (N, C, H, W)</param>
    /// <returns>pooled maps, shape (N, C, outH, outW)</returns>
    public override Tensor Forward(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var outShape = OutputShape(x.Shape);
        var (height, width) = (x.Dim(2), x.Dim(3));
        // TASK(maxpool.forward): for every image, channel and output position, take the maximum of its k x k window.
        // BEGIN SOLUTION maxpool.forward
        var input = x.ToArray();
        var (outH, outW) = (outShape[2], outShape[3]);
        var output = new double[outShape[0] * outShape[1] * outH * outW];
        for (var plane = 0; plane < outShape[0] * outShape[1]; plane++)
        {
            for (var oh = 0; oh < outH; oh++)
            {
                for (var ow = 0; ow < outW; ow++)
                {
                    var best = ArgMaxInWindow(input, plane * height * width, width, oh * Stride, ow * Stride);
                    output[(plane * outH + oh) * outW + ow] = input[best];
                }
            }
        }

        return Tensor.FromArray(output, outShape);
        // END SOLUTION
    }

    /// <summary>Routes each output gradient to the arg-max of its window; overlapping windows add up.</summary>
    /// <param name="x">the forward input, shape (N, C, H, W)</param>
    /// <param name="gradOutput">dL/dy, shape (N, C, outH, outW)</param>
    /// <returns>dX, shape (N, C, H, W), zero except at window maxima</returns>
    public override Tensor Backward(Tensor x, Tensor gradOutput)
    {
        ArgumentNullException.ThrowIfNull(x);
        var outShape = OutputShape(x.Shape);
        RequireShape("MaxPool2D", gradOutput, outShape);
        var (height, width) = (x.Dim(2), x.Dim(3));
        // TASK(maxpool.backward): add each output gradient to the position of its window's maximum (first one on ties); 0 elsewhere.
        // BEGIN SOLUTION maxpool.backward
        var input = x.ToArray();
        var grad = gradOutput.ToArray();
        var (outH, outW) = (outShape[2], outShape[3]);
        var dX = new double[input.Length];
        for (var plane = 0; plane < outShape[0] * outShape[1]; plane++)
        {
            for (var oh = 0; oh < outH; oh++)
            {
                for (var ow = 0; ow < outW; ow++)
                {
                    var best = ArgMaxInWindow(input, plane * height * width, width, oh * Stride, ow * Stride);
                    dX[best] += grad[(plane * outH + oh) * outW + ow];
                }
            }
        }

        return Tensor.FromArray(dX, x.Shape);
        // END SOLUTION
    }

    /// <summary>The flat index of the largest value in one k x k window (the first on ties).</summary>
    /// <param name="values">the images in row-major order</param>
    /// <param name="planeStart">flat index of the window's channel plane</param>
    /// <param name="width">W</param>
    /// <param name="top">the window's first row</param>
    /// <param name="left">the window's first column</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ArgMaxInWindow(double[] values, int planeStart, int width, int top, int left)
    {
        var first = planeStart + top * width + left;
        if (KernelSize == 2)
        {
            // HW3's and HW6's 2 x 2 window, unrolled: the same scan order and the same rule (first on ties).
            // Selects rather than branches (the JIT emits conditional moves): which entry of a window of
            // activations is largest is random, and mispredicted branches cost more than the comparisons.
            var top2 = first;
            top2 = values[first + 1] > values[top2] ? first + 1 : top2;
            top2 = values[first + width] > values[top2] ? first + width : top2;
            return values[first + width + 1] > values[top2] ? first + width + 1 : top2;
        }

        var best = first;
        for (var i = 0; i < KernelSize; i++)
        {
            for (var j = 0; j < KernelSize; j++)
            {
                var index = planeStart + (top + i) * width + left + j;
                best = values[index] > values[best] ? index : best;
            }
        }

        return best;
    }
}
