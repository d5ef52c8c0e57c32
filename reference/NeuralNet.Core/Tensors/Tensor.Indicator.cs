using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralNet;

public sealed partial class Tensor
{
    /// <summary>
    /// This tensor times the indicator of <paramref name="x"/> &gt; <paramref name="threshold"/>, element-wise:
    /// <c>this * (x &gt; threshold)</c> in one pass, without storing the 0/1 mask, and with the same bits (each value is
    /// multiplied by 1.0 or 0.0, so a negative value times 0.0 is -0.0 and infinity times 0.0 is NaN, as there). E.g. a
    /// ReLU's backward pass: <c>gradOutput.MultiplyByIndicator(x, 0.0)</c>.
    /// </summary>
    /// <param name="x">the values compared, the same shape as this tensor</param>
    /// <param name="threshold">the indicator is 1 where x is greater than this, 0 elsewhere (and where x is NaN)</param>
    /// <returns>a new tensor of this shape</returns>
    public Tensor MultiplyByIndicator(Tensor x, double threshold)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!SameShape(x))
        {
            throw new ArgumentException(
                $"MultiplyByIndicator: x has shape {ShapeMath.Format(x._shape)} but this tensor has shape {ShapeMath.Format(_shape)}; they must match.");
        }

        var output = Allocate((int[])_shape.Clone(), zeroed: false);
        var (values, compared, destination) = (Contiguous(), x.Contiguous(), output._storage!);
        if (SplitWork.Parts(Size) > 1)
        {
            // A large pass (a convolution's activations): on every core (SplitWork), the same values.
            SplitMultiplyByIndicator(values, compared, threshold, destination);
        }
        else
        {
            MultiplyByIndicator(values.ReadSpan(), compared.ReadSpan(), threshold, destination);
        }

        return output;
    }

    private static void MultiplyByIndicator(ReadOnlySpan<double> values, ReadOnlySpan<double> x, double threshold, Span<double> destination)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            ref var v = ref MemoryMarshal.GetReference(values);
            ref var c = ref MemoryMarshal.GetReference(x);
            ref var d = ref MemoryMarshal.GetReference(destination);
            var limit = Vector512.Create(threshold);
            for (; i + Vector512<double>.Count <= values.Length; i += Vector512<double>.Count)
            {
                var indicator = Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.LoadUnsafe(ref c, (nuint)i), limit), Vector512<double>.One, Vector512<double>.Zero);
                (Vector512.LoadUnsafe(ref v, (nuint)i) * indicator).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < values.Length; i++)
        {
            destination[i] = values[i] * (x[i] > threshold ? 1.0 : 0.0);
        }
    }
}
