using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
        var contiguous = x.Contiguous(); // read in place, no copy
        var (outH, outW) = (outShape[2], outShape[3]);
        var y = Tensor.Zeros(outShape);
        // Planes (image, channel) are independent: a large batch is pooled on every core, planes [first, end) each.
        SplitWork.For(outShape[0] * outShape[1], x.Size, (first, end) =>
        {
            var input = contiguous.AsSpan();
            var output = y.AsSpan();
            var best = new int[outW]; // the flat index of each window's maximum, along one output row
            for (var plane = first; plane < end; plane++)
            {
                for (var oh = 0; oh < outH; oh++)
                {
                    ArgMaxAlongRow(input, plane * height * width, width, oh * Stride, best);
                    for (var ow = 0; ow < outW; ow++)
                    {
                        output[(plane * outH + oh) * outW + ow] = input[best[ow]];
                    }
                }
            }
        });

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
        var (contiguous, gradients) = (x.Contiguous(), gradOutput.Contiguous()); // read in place, no copies
        var (outH, outW) = (outShape[2], outShape[3]);
        var result = Tensor.Uninitialized(x.Shape); // each plane is zeroed below, just before its gradients arrive
        // Planes (image, channel) are independent: a large batch is routed on every core, planes [first, end) each.
        SplitWork.For(outShape[0] * outShape[1], x.Size, (first, end) =>
        {
            var input = contiguous.AsSpan();
            var grad = gradients.AsSpan();
            var dX = result.AsSpan();
            var best = new int[outW]; // the flat index of each window's maximum, along one output row
            for (var plane = first; plane < end; plane++)
            {
                dX.Slice(plane * height * width, height * width).Clear(); // 0 except at window maxima, still in the cache below
                for (var oh = 0; oh < outH; oh++)
                {
                    ArgMaxAlongRow(input, plane * height * width, width, oh * Stride, best);
                    for (var ow = 0; ow < outW; ow++)
                    {
                        dX[best[ow]] += grad[(plane * outH + oh) * outW + ow];
                    }
                }
            }
        });

        return result;
    }

    /// <summary>
    /// For every window of one output row, the flat index of its largest value (the first on ties): the same as
    /// <see cref="ArgMaxInWindow"/> window by window, eight 2 x 2 windows at a time where the processor has 512-bit
    /// vectors (HW3's and HW6's pooling; `Benchmarks cnn-step`, 2026-12-07: see docs/performance.md).
    /// </summary>
    /// <param name="values">the images in row-major order</param>
    /// <param name="planeStart">flat index of the windows' channel plane</param>
    /// <param name="width">W</param>
    /// <param name="top">the windows' first row</param>
    /// <param name="best">receives one index per window of the row (outW of them)</param>
    private void ArgMaxAlongRow(ReadOnlySpan<double> values, int planeStart, int width, int top, Span<int> best)
    {
        var ow = 0;
        if (KernelSize == 2 && Stride == 2 && Avx512F.IsSupported)
        {
            ow = ArgMaxOfPairs512(values, planeStart + top * width, width, best);
        }

        for (; ow < best.Length; ow++)
        {
            best[ow] = ArgMaxInWindow(values, planeStart, width, top, ow * Stride);
        }
    }

    // 2 x 2 windows with stride 2, eight at a time: the even and odd columns of 16 values of the window's two rows
    // are its four candidates, compared in ArgMaxInWindow's order (top left, top right, bottom left, bottom right)
    // with the same rule (keep the first strictly larger, so NaN never wins and ties keep the earlier index).
    // Returns how many windows it did (a multiple of 8; the rest are left to the caller).
    private static int ArgMaxOfPairs512(ReadOnlySpan<double> values, int rowStart, int width, Span<int> best)
    {
        var evens = Vector512.Create(0L, 2, 4, 6, 8, 10, 12, 14);
        var odds = evens + Vector512<long>.One;
        ref var first = ref MemoryMarshal.GetReference(values);
        var done = 0;
        for (; done + 8 <= best.Length; done += 8)
        {
            // Columns 2 * done .. 2 * done + 15 lie in the row: 2 * best.Length <= width for these windows.
            var top = rowStart + 2 * done;
            var (top0, top1) = (Vector512.LoadUnsafe(ref first, (nuint)top), Vector512.LoadUnsafe(ref first, (nuint)(top + 8)));
            var (bottom0, bottom1) = (Vector512.LoadUnsafe(ref first, (nuint)(top + width)), Vector512.LoadUnsafe(ref first, (nuint)(top + width + 8)));
            var topLeft = Vector512.Create((long)top) + evens;
            var max = Avx512F.PermuteVar8x64x2(top0, evens, top1);
            var index = topLeft;
            KeepIfLarger(Avx512F.PermuteVar8x64x2(top0, odds, top1), topLeft + Vector512<long>.One, ref max, ref index);
            KeepIfLarger(Avx512F.PermuteVar8x64x2(bottom0, evens, bottom1), topLeft + Vector512.Create((long)width), ref max, ref index);
            KeepIfLarger(Avx512F.PermuteVar8x64x2(bottom0, odds, bottom1), topLeft + Vector512.Create(width + 1L), ref max, ref index);
            Avx512F.ConvertToVector256Int32(index).StoreUnsafe(ref MemoryMarshal.GetReference(best), (nuint)done);
        }

        return done;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void KeepIfLarger(Vector512<double> candidate, Vector512<long> candidateIndex, ref Vector512<double> max, ref Vector512<long> index)
    {
        var larger = Vector512.GreaterThan(candidate, max);
        max = Vector512.ConditionalSelect(larger, candidate, max);
        index = Vector512.ConditionalSelect(larger.AsInt64(), candidateIndex, index);
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
