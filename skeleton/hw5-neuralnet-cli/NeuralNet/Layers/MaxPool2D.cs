using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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
        var input = x.Contiguous().AsSpan(); // read in place, no copy
        var (outH, outW) = (outShape[2], outShape[3]);
        var y = Tensor.Zeros(outShape);
        var output = y.AsSpan();
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

        return y;
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
        var input = x.Contiguous().AsSpan(); // read in place, no copies
        var grad = gradOutput.Contiguous().AsSpan();
        var (outH, outW) = (outShape[2], outShape[3]);
        var result = x.ZerosLike();
        var dX = result.AsSpan();
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

        return result;
    }

    /// <summary>The flat index of the largest value in one k x k window (the first on ties).</summary>
    /// <param name="values">the images in row-major order</param>
    /// <param name="planeStart">flat index of the window's channel plane</param>
    /// <param name="width">W</param>
    /// <param name="top">the window's first row</param>
    /// <param name="left">the window's first column</param>
    /// <remarks>
    /// Scans the window row by row keeping the first strictly larger value, without a branch per element:
    /// which entry of a window of activations is largest is random, so a compiled <c>if</c> (or a
    /// <c>?:</c> on doubles, which the JIT turns into a branch) is mispredicted about every other window:
    /// measured 3-4 ms for the 247,808 windows of a 32-image HW3 CNN batch, 0.8 ms without branches.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ArgMaxInWindow(ReadOnlySpan<double> values, int planeStart, int width, int top, int left)
    {
        var first = planeStart + top * width + left;
        var best = Vector128.CreateScalarUnsafe(values[first]);
        var index = first;
        if (KernelSize == 2)
        {
            // HW3's and HW6's 2 x 2 window, unrolled; the same order and rule as the loop below.
            KeepIfLarger(values, first + 1, ref best, ref index);
            KeepIfLarger(values, first + width, ref best, ref index);
            KeepIfLarger(values, first + width + 1, ref best, ref index);
            return index;
        }

        for (var i = 0; i < KernelSize; i++)
        {
            for (var j = 0; j < KernelSize; j++)
            {
                KeepIfLarger(values, first + i * width + j, ref best, ref index);
            }
        }

        return index;
    }

    // best, index = values[candidate], candidate when values[candidate] > best (so NaN never wins and ties keep the
    // earlier index), with a vector compare and select in lane 0 and an integer mask instead of a branch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void KeepIfLarger(ReadOnlySpan<double> values, int candidate, ref Vector128<double> best, ref int index)
    {
        var next = Vector128.CreateScalarUnsafe(values[candidate]);
        var larger = Vector128.GreaterThan(next, best);
        best = Vector128.ConditionalSelect(larger, next, best);
        var take = -(int)(larger.ExtractMostSignificantBits() & 1);
        index += (candidate - index) & take;
    }
}
