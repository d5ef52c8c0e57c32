namespace NeuralNet;

// Element-wise passes over large tensors in ranges on several cores (SplitWork): each helper takes arrays and offsets,
// since a span cannot reach another thread, and computes every element as the one-thread call would.
public sealed partial class Tensor
{
    // d = a op b over `length` elements: CacheChunks' call on this thread, or one per core for a large pass.
    private static void Elementwise<TOp>(double[] a, int aOffset, double[] b, int bOffset, double[] d, int dOffset, int length)
        where TOp : IBinaryOp
    {
        if (Splits<TOp>(length))
        {
            SplitElementwise<TOp>(a, aOffset, b, bOffset, d, dOffset, length);
        }
        else
        {
            CacheChunks.Apply<TOp>(a.AsSpan(aOffset, length), b.AsSpan(bOffset, length), d.AsSpan(dOffset, length));
        }
    }

    // d = a op b with a scalar b.
    private static void Elementwise<TOp>(double[] a, int aOffset, double b, double[] d, int dOffset, int length)
        where TOp : IBinaryOp
    {
        if (Splits<TOp>(length))
        {
            SplitElementwise<TOp>(a, aOffset, b, d, dOffset, length);
        }
        else
        {
            CacheChunks.Apply<TOp>(a.AsSpan(aOffset, length), b, d.AsSpan(dOffset, length));
        }
    }

    // d = a op b with a scalar a.
    private static void Elementwise<TOp>(double a, double[] b, int bOffset, double[] d, int dOffset, int length)
        where TOp : IBinaryOp
    {
        if (Splits<TOp>(length))
        {
            SplitElementwise<TOp>(a, b, bOffset, d, dOffset, length);
        }
        else
        {
            CacheChunks.Apply<TOp>(a, b.AsSpan(bOffset, length), d.AsSpan(dOffset, length));
        }
    }

    // target = source * alpha + target (unfused).
    private static void MultiplyAdd(double[] source, int sourceOffset, double alpha, double[] target, int targetOffset, int length)
    {
        if (SplitWork.Parts(length) > 1)
        {
            SplitMultiplyAdd(source, sourceOffset, alpha, target, targetOffset, length);
        }
        else
        {
            CacheChunks.MultiplyAdd(source.AsSpan(sourceOffset, length), alpha, target.AsSpan(targetOffset, length));
        }
    }

    // Whether an element-wise TOp over `length` elements is split: Pow keeps one call (its vector and scalar paths may
    // round differently, so where a range starts could change a value).
    private static bool Splits<TOp>(int length)
        where TOp : IBinaryOp => CacheChunks.Exact<TOp>() && SplitWork.Parts(length) > 1;

    // The split forms below build their lambdas in methods of their own: a lambda's captured parameters are allocated
    // on entry to the method that declares them, which would cost every small call an allocation.
    private static void SplitElementwise<TOp>(double[] a, int aOffset, double[] b, int bOffset, double[] d, int dOffset, int length)
        where TOp : IBinaryOp =>
        SplitWork.ForElements(length, (start, end) =>
            CacheChunks.Apply<TOp>(a.AsSpan(aOffset + start, end - start), b.AsSpan(bOffset + start, end - start), d.AsSpan(dOffset + start, end - start)));

    private static void SplitElementwise<TOp>(double[] a, int aOffset, double b, double[] d, int dOffset, int length)
        where TOp : IBinaryOp =>
        SplitWork.ForElements(length, (start, end) =>
            CacheChunks.Apply<TOp>(a.AsSpan(aOffset + start, end - start), b, d.AsSpan(dOffset + start, end - start)));

    private static void SplitElementwise<TOp>(double a, double[] b, int bOffset, double[] d, int dOffset, int length)
        where TOp : IBinaryOp =>
        SplitWork.ForElements(length, (start, end) =>
            CacheChunks.Apply<TOp>(a, b.AsSpan(bOffset + start, end - start), d.AsSpan(dOffset + start, end - start)));

    private static void SplitMultiplyAdd(double[] source, int sourceOffset, double alpha, double[] target, int targetOffset, int length) =>
        SplitWork.ForElements(length, (start, end) =>
            CacheChunks.MultiplyAdd(source.AsSpan(sourceOffset + start, end - start), alpha, target.AsSpan(targetOffset + start, end - start)));

    // d = a op row for every row-long block of a (a bias row added to every row), a row per TOp call.
    private static void ApplyRepeated<TOp>(double[] a, int aOffset, double[] row, int rowOffset, int rowLength, double[] d, int length)
        where TOp : IBinaryOp
    {
        if (SplitWork.Parts(length) > 1)
        {
            SplitWork.For(length / rowLength, length, (first, end) => ApplyRepeated<TOp>(a, aOffset, row, rowOffset, rowLength, d, first, end));
        }
        else
        {
            ApplyRepeated<TOp>(a, aOffset, row, rowOffset, rowLength, d, 0, length / rowLength);
        }
    }

    // Blocks [first, end) of ApplyRepeated.
    private static void ApplyRepeated<TOp>(double[] a, int aOffset, double[] row, int rowOffset, int rowLength, double[] d, int first, int end)
        where TOp : IBinaryOp
    {
        for (var start = first * rowLength; start < end * rowLength; start += rowLength)
        {
            TOp.Apply(a.AsSpan(aOffset + start, rowLength), row.AsSpan(rowOffset, rowLength), d.AsSpan(start, rowLength));
        }
    }

    // BroadcastLoop's rows split into ranges, one per core.
    private static void SplitBroadcastRows<TOp>(Tensor a, Tensor b, int[] shape, double[] result, int resultOffset, int rows, int size)
        where TOp : IBinaryOp =>
        SplitWork.For(rows, size, (first, end) => BroadcastRows<TOp>(a, b, shape, result.AsSpan(resultOffset, size), first, end));

    // MultiplyByIndicator's elements split into ranges, one per core.
    private static void SplitMultiplyByIndicator(Tensor values, Tensor compared, double threshold, double[] destination) =>
        SplitWork.ForElements(values.Size, (start, end) => MultiplyByIndicator(
            values.Storage.AsSpan(values._offset + start, end - start),
            compared.Storage.AsSpan(compared._offset + start, end - start),
            threshold,
            destination.AsSpan(start, end - start)));
}
