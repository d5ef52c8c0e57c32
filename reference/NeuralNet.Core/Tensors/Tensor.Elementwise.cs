using System.Numerics.Tensors;

namespace NeuralNet;

public sealed partial class Tensor
{
    /// <summary>Element-wise a op b with numpy broadcasting; the result is a new contiguous tensor.</summary>
    internal static Tensor Binary<TOp>(Tensor a, Tensor b)
        where TOp : IBinaryOp
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shape = ShapeMath.Broadcast(a._shape, b._shape, TOp.Name);
        // Every element is written below, so skip the allocator's zeroing (8 MB for a conv layer's activations).
        var output = Allocate(shape, zeroed: false);
        var result = output._storage!;
        var ca = a.Contiguous();
        var cb = b.Contiguous();
        if (result.Length == 0)
        {
            return output;
        }

        // Large passes run on every core (SplitWork, Tensor.Split.cs), with the same values.
        if (ca.Size == result.Length && cb.Size == result.Length)
        {
            Elementwise<TOp>(ca.Storage, ca._offset, cb.Storage, cb._offset, result, 0, result.Length);
        }
        else if (cb.Size == 1)
        {
            Elementwise<TOp>(ca.Storage, ca._offset, cb.Storage[cb._offset], result, 0, result.Length);
        }
        else if (ca.Size == 1)
        {
            Elementwise<TOp>(ca.Storage[ca._offset], cb.Storage, cb._offset, result, 0, result.Length);
        }
        else if (ca.Size == result.Length && RepeatsAlongLeadingAxes(cb._shape, shape))
        {
            // A bias row added to every row (y + b): one span operation per repetition, no odometer.
            ApplyRepeated<TOp>(ca.Storage, ca._offset, cb.Storage, cb._offset, cb.Size, result, result.Length);
        }
        else
        {
            BroadcastLoop<TOp>(ca, cb, shape, result, 0);
        }

        return output;
    }

    // True when the operand, without its leading 1s, is the trailing block of the output shape: the output
    // is then that block repeated.
    private static bool RepeatsAlongLeadingAxes(int[] operandShape, int[] outputShape)
    {
        var first = 0;
        while (first < operandShape.Length && operandShape[first] == 1)
        {
            first++;
        }

        var length = operandShape.Length - first;
        if (length == 0 || length > outputShape.Length)
        {
            return false;
        }

        return operandShape.AsSpan(first).SequenceEqual(outputShape.AsSpan(outputShape.Length - length));
    }

    // result[resultOffset ..] = a op b over the broadcast shape, a row (the last axis) per TOp call; a large pass is
    // split into ranges of rows (SplitWork), each row computed as on one thread.
    private static void BroadcastLoop<TOp>(Tensor a, Tensor b, int[] shape, double[] result, int resultOffset)
        where TOp : IBinaryOp
    {
        var size = ShapeMath.Product(shape);
        var rows = size / shape[^1];
        if (SplitWork.Parts(size) > 1)
        {
            SplitBroadcastRows<TOp>(a, b, shape, result, resultOffset, rows, size);
        }
        else
        {
            BroadcastRows<TOp>(a, b, shape, result.AsSpan(resultOffset, size), 0, rows);
        }
    }

    // Rows [firstRow, endRow) of BroadcastLoop: an odometer over the leading axes, started at firstRow.
    private static void BroadcastRows<TOp>(Tensor a, Tensor b, int[] shape, Span<double> result, int firstRow, int endRow)
        where TOp : IBinaryOp
    {
        var rank = shape.Length;
        var stridesA = BroadcastStrides(a._shape, shape);
        var stridesB = BroadcastStrides(b._shape, shape);
        var inner = shape[rank - 1];
        var innerA = stridesA[rank - 1];
        var innerB = stridesB[rank - 1];
        var dataA = a.Storage;
        var dataB = b.Storage;
        var counter = new int[rank];
        var posA = a._offset;
        var posB = b._offset;
        var rest = firstRow;
        for (var axis = rank - 2; axis >= 0; axis--)
        {
            counter[axis] = rest % shape[axis];
            rest /= shape[axis];
            posA += counter[axis] * stridesA[axis];
            posB += counter[axis] * stridesB[axis];
        }

        for (var row = firstRow; row < endRow; row++)
        {
            var destination = result.Slice(row * inner, inner);
            if (innerA == 1 && innerB == 1)
            {
                TOp.Apply(dataA.AsSpan(posA, inner), dataB.AsSpan(posB, inner), destination);
            }
            else if (innerA == 1)
            {
                TOp.Apply(dataA.AsSpan(posA, inner), dataB[posB], destination);
            }
            else if (innerB == 1)
            {
                TOp.Apply(dataA[posA], dataB.AsSpan(posB, inner), destination);
            }
            else
            {
                destination.Fill(TOp.Apply(dataA[posA], dataB[posB]));
            }

            for (var axis = rank - 2; axis >= 0; axis--)
            {
                counter[axis]++;
                posA += stridesA[axis];
                posB += stridesB[axis];
                if (counter[axis] < shape[axis])
                {
                    break;
                }

                posA -= stridesA[axis] * shape[axis];
                posB -= stridesB[axis] * shape[axis];
                counter[axis] = 0;
            }
        }
    }

    // Row-major strides of a contiguous operand, aligned right against the output shape; 0 on broadcast axes.
    private static int[] BroadcastStrides(int[] operandShape, int[] outputShape)
    {
        var rank = outputShape.Length;
        var own = ShapeMath.RowMajorStrides(operandShape);
        var strides = new int[rank];
        var shift = rank - operandShape.Length;
        for (var axis = shift; axis < rank; axis++)
        {
            strides[axis] = operandShape[axis - shift] == 1 ? 0 : own[axis - shift];
        }

        return strides;
    }

    public static Tensor operator +(Tensor a, Tensor b) => Binary<AddOp>(a, b);

    public static Tensor operator +(Tensor a, double b) => Binary<AddOp>(a, Scalar(b));

    public static Tensor operator +(double a, Tensor b) => Binary<AddOp>(Scalar(a), b);

    public static Tensor operator -(Tensor a, Tensor b) => Binary<SubtractOp>(a, b);

    public static Tensor operator -(Tensor a, double b) => Binary<SubtractOp>(a, Scalar(b));

    public static Tensor operator -(double a, Tensor b) => Binary<SubtractOp>(Scalar(a), b);

    public static Tensor operator -(Tensor a) => a.Unary(TensorPrimitives.Negate);

    public static Tensor operator *(Tensor a, Tensor b) => Binary<MultiplyOp>(a, b);

    public static Tensor operator *(Tensor a, double b) => Binary<MultiplyOp>(a, Scalar(b));

    public static Tensor operator *(double a, Tensor b) => Binary<MultiplyOp>(Scalar(a), b);

    public static Tensor operator /(Tensor a, Tensor b) => Binary<DivideOp>(a, b);

    public static Tensor operator /(Tensor a, double b) => Binary<DivideOp>(a, Scalar(b));

    public static Tensor operator /(double a, Tensor b) => Binary<DivideOp>(Scalar(a), b);

    /// <summary>1 where a &gt; b, else 0 (a mask usable in arithmetic: <c>x * (x &gt; 0)</c>).</summary>
    public static Tensor operator >(Tensor a, Tensor b) => Binary<GreaterOp>(a, b);

    public static Tensor operator >(Tensor a, double b) => Binary<GreaterOp>(a, Scalar(b));

    public static Tensor operator <(Tensor a, Tensor b) => Binary<GreaterOp>(b, a);

    public static Tensor operator <(Tensor a, double b) => Binary<GreaterOp>(Scalar(b), a);

    public static Tensor operator >=(Tensor a, Tensor b) => Binary<GreaterOrEqualOp>(a, b);

    public static Tensor operator >=(Tensor a, double b) => Binary<GreaterOrEqualOp>(a, Scalar(b));

    public static Tensor operator <=(Tensor a, Tensor b) => Binary<GreaterOrEqualOp>(b, a);

    public static Tensor operator <=(Tensor a, double b) => Binary<GreaterOrEqualOp>(Scalar(b), a);

    /// <summary>1 where the elements are equal, else 0.</summary>
    public Tensor Eq(Tensor other) => Binary<EqualOp>(this, other);

    /// <summary>1 where the element equals <paramref name="value"/>, else 0.</summary>
    public Tensor Eq(double value) => Binary<EqualOp>(this, Scalar(value));

    /// <summary>Element-wise maximum with broadcasting, like <c>np.maximum(a, b)</c>.</summary>
    public static Tensor Maximum(Tensor a, Tensor b) => Binary<MaximumOp>(a, b);

    /// <summary>Element-wise minimum with broadcasting, like <c>np.minimum(a, b)</c>.</summary>
    public static Tensor Minimum(Tensor a, Tensor b) => Binary<MinimumOp>(a, b);

    /// <summary>max(x, value) for each element, like <c>np.maximum(x, value)</c>.</summary>
    public Tensor Maximum(double value) => Binary<MaximumOp>(this, Scalar(value));

    /// <summary>min(x, value) for each element.</summary>
    public Tensor Minimum(double value) => Binary<MinimumOp>(this, Scalar(value));

    /// <summary>Limits every element to [min, max], like <c>np.clip</c>.</summary>
    public Tensor Clip(double min, double max)
    {
        if (min > max)
        {
            throw new ArgumentException($"Clip: min ({min}) is greater than max ({max}).");
        }

        return Maximum(min).Minimum(max);
    }

    /// <summary>x^exponent for each element.</summary>
    public Tensor Pow(double exponent) => Binary<PowOp>(this, Scalar(exponent));

    public Tensor Exp() => Unary(TensorPrimitives.Exp);

    public Tensor Log() => Unary(TensorPrimitives.Log);

    public Tensor Sqrt() => Unary(TensorPrimitives.Sqrt);

    public Tensor Abs() => Unary(TensorPrimitives.Abs);

    public Tensor Tanh() => Unary(TensorPrimitives.Tanh);

    public Tensor Square() => Binary<MultiplyOp>(this, this);

    /// <summary>1 / (1 + e^(-x)) for each element.</summary>
    public Tensor Sigmoid() => Unary(TensorPrimitives.Sigmoid);

    /// <summary>-1, 0 or 1 for each element.</summary>
    public Tensor Sign() => Map(v => Math.Sign(v));

    /// <summary>Applies <paramref name="function"/> to every element (slower than the built-in operations).</summary>
    public Tensor Map(Func<double, double> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var result = ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = function(result[i]);
        }

        return Wrap(result, (int[])_shape.Clone());
    }

    private delegate void SpanFunction(ReadOnlySpan<double> x, Span<double> destination);

    private Tensor Unary(SpanFunction function)
    {
        var output = Allocate((int[])_shape.Clone(), zeroed: false);
        function(Contiguous().ReadSpan(), output._storage);
        return output;
    }
}
