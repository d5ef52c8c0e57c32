using System.Numerics.Tensors;

namespace NeuralNet;

public sealed partial class Tensor
{
    /// <summary>Sum of all elements.</summary>
    public double Sum() => TensorPrimitives.Sum(Contiguous().ReadSpan());

    /// <summary>Mean of all elements.</summary>
    public double Mean() => Size == 0 ? double.NaN : Sum() / Size;

    /// <summary>Largest element.</summary>
    public double Max() => Size == 0 ? throw EmptyReduction("Max") : TensorPrimitives.Max(Contiguous().ReadSpan());

    /// <summary>Smallest element.</summary>
    public double Min() => Size == 0 ? throw EmptyReduction("Min") : TensorPrimitives.Min(Contiguous().ReadSpan());

    /// <summary>Sum along one axis, like <c>np.sum(x, axis, keepdims)</c>: <c>db = grad.Sum(axis: 0, keepDims: true)</c>.</summary>
    public Tensor Sum(int axis, bool keepDims = false) => Reduce(axis, keepDims, "Sum", TensorPrimitives.Add, 0.0);

    /// <summary>Mean along one axis.</summary>
    public Tensor Mean(int axis, bool keepDims = false)
    {
        var sum = Sum(axis, keepDims);
        sum.ScaleInPlace(1.0 / _shape[NormalizeAxis(axis, "Mean")]);
        return sum;
    }

    /// <summary>Maximum along one axis.</summary>
    public Tensor Max(int axis, bool keepDims = false) => Reduce(axis, keepDims, "Max", TensorPrimitives.Max, double.NegativeInfinity);

    /// <summary>Minimum along one axis.</summary>
    public Tensor Min(int axis, bool keepDims = false) => Reduce(axis, keepDims, "Min", TensorPrimitives.Min, double.PositiveInfinity);

    /// <summary>Index of the largest element along <paramref name="axis"/> (first one on ties), as doubles.</summary>
    public Tensor ArgMax(int axis)
    {
        var a = NormalizeAxis(axis, "ArgMax");
        var (outer, length, inner) = Split(a);
        if (length == 0)
        {
            throw EmptyReduction("ArgMax");
        }

        var source = Contiguous().ReadSpan();
        var result = new double[outer * inner];
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var best = 0;
                var bestValue = source[o * length * inner + i];
                for (var k = 1; k < length; k++)
                {
                    var value = source[(o * length + k) * inner + i];
                    if (value > bestValue)
                    {
                        bestValue = value;
                        best = k;
                    }
                }

                result[o * inner + i] = best;
            }
        }

        return Wrap(result, ReducedShape(a, keepDims: false));
    }

    /// <summary>For a (N, K) tensor of scores, the predicted class of each row.</summary>
    public int[] ArgMaxRows()
    {
        if (Rank != 2)
        {
            throw new InvalidOperationException($"ArgMaxRows: expected a 2-D tensor (N, K), found shape {ShapeMath.Format(_shape)}.");
        }

        var source = Contiguous();
        var result = new int[_shape[0]];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = TensorPrimitives.IndexOfMax(source.Storage.AsSpan(source._offset + i * _shape[1], _shape[1]));
        }

        return result;
    }

    private delegate void Accumulate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination);

    private Tensor Reduce(int axis, bool keepDims, string operation, Accumulate accumulate, double identity)
    {
        var a = NormalizeAxis(axis, operation);
        var (outer, length, inner) = Split(a);
        var source = Contiguous();
        var result = new double[outer * inner];
        Array.Fill(result, identity);
        if (SplitWork.Parts(Size) > 1 && (outer > 1 || inner > 1))
        {
            // A large reduction (a convolution's bias gradient): whole output elements on every core (SplitWork), each
            // reduced in the same order as on one thread, so the same values.
            SplitReduce(source.Storage, source._offset, (outer, length, inner), operation, accumulate, identity, result);
        }
        else
        {
            ReduceBlock(source.Storage, source._offset, (outer, length, inner), operation, accumulate, identity, result, (0, outer), (0, inner));
        }

        return Wrap(result, ReducedShape(a, keepDims));
    }

    // Reduce's output split into ranges of rows or, with one row, of columns.
    private static void SplitReduce(double[] source, int offset, (int Outer, int Length, int Inner) around, string operation, Accumulate accumulate, double identity, double[] result)
    {
        var size = (long)around.Outer * around.Length * around.Inner;
        if (around.Outer > 1)
        {
            SplitWork.For(around.Outer, size, (first, end) => ReduceBlock(source, offset, around, operation, accumulate, identity, result, (first, end), (0, around.Inner)));
        }
        else
        {
            SplitWork.For(around.Inner, size, (first, end) => ReduceBlock(source, offset, around, operation, accumulate, identity, result, (0, around.Outer), (first, end)));
        }
    }

    // Output elements [rows) x [columns) of a reduction over the middle axis of (outer, length, inner).
    private static void ReduceBlock(
        double[] source, int offset, (int Outer, int Length, int Inner) around, string operation, Accumulate accumulate, double identity, double[] result,
        (int First, int End) rows, (int First, int End) columns)
    {
        var (length, inner) = (around.Length, around.Inner);
        if (inner == 1)
        {
            for (var o = rows.First; o < rows.End; o++)
            {
                var row = source.AsSpan(offset + o * length, length);
                result[o] = length == 0 ? identity : operation switch
                {
                    "Sum" => TensorPrimitives.Sum(row),
                    "Max" => TensorPrimitives.Max(row),
                    _ => TensorPrimitives.Min(row),
                };
            }

            return;
        }

        var width = columns.End - columns.First;
        for (var o = rows.First; o < rows.End; o++)
        {
            var destination = result.AsSpan(o * inner + columns.First, width);
            for (var k = 0; k < length; k++)
            {
                accumulate(source.AsSpan(offset + (o * length + k) * inner + columns.First, width), destination, destination);
            }
        }
    }

    // Views the tensor as (outer, length, inner) around `axis`.
    private (int Outer, int Length, int Inner) Split(int axis)
    {
        var outer = 1;
        for (var i = 0; i < axis; i++)
        {
            outer *= _shape[i];
        }

        var inner = 1;
        for (var i = axis + 1; i < Rank; i++)
        {
            inner *= _shape[i];
        }

        return (outer, _shape[axis], inner);
    }

    private int[] ReducedShape(int axis, bool keepDims)
    {
        if (keepDims)
        {
            var kept = (int[])_shape.Clone();
            kept[axis] = 1;
            return kept;
        }

        return [.. _shape[..axis], .. _shape[(axis + 1)..]];
    }

    private InvalidOperationException EmptyReduction(string operation) =>
        new($"{operation}: the tensor of shape {ShapeMath.Format(_shape)} has no elements.");
}
