namespace NeuralNet;

public sealed partial class Tensor
{
    /// <summary>
    /// this += alpha * other, in place. The optimiser's update: <c>W.AddInPlace(dW, -lr)</c>. <paramref name="other"/>
    /// has this shape or broadcasts to it like numpy's <c>y += b</c> (a bias of shape (F, 1) added to every
    /// column of (N, F, P), say); this tensor's shape never changes.
    /// </summary>
    public void AddInPlace(Tensor other, double alpha = 1.0)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameShape(other))
        {
            BroadcastInPlace<AddOp>(alpha == 1.0 ? other : other * alpha, "AddInPlace");
            return;
        }

        var target = WritableSpan("AddInPlace");
        if (other.Pending is DeferredProduct product)
        {
            // The optimiser's update with a weight gradient nobody has read: add it block by block.
            product.AddTo(target, alpha);
            return;
        }

        var source = other.Contiguous(); // a large update runs on every core (SplitWork), with the same values
        if (alpha == 1.0)
        {
            Elementwise<AddOp>(Storage, _offset, source.Storage, source._offset, Storage, _offset, Size);
        }
        else
        {
            MultiplyAdd(source.Storage, source._offset, alpha, Storage, _offset, Size);
        }
    }

    /// <summary>
    /// this *= other element-wise, in place (numpy's <c>a *= b</c>): <paramref name="other"/> has this shape or
    /// broadcasts to it. E.g. a ReLU's backward pass: <c>var dX = x &gt; 0.0; dX.MultiplyInPlace(grad);</c>.
    /// </summary>
    public void MultiplyInPlace(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!SameShape(other))
        {
            BroadcastInPlace<MultiplyOp>(other, "MultiplyInPlace");
            return;
        }

        RequireWritable("MultiplyInPlace");
        var source = other.Contiguous();
        Elementwise<MultiplyOp>(Storage, _offset, source.Storage, source._offset, Storage, _offset, Size);
    }

    /// <summary>this *= factor, in place.</summary>
    public void ScaleInPlace(double factor)
    {
        RequireWritable("ScaleInPlace");
        Elementwise<MultiplyOp>(Storage, _offset, factor, Storage, _offset, Size);
    }

    /// <summary>Sets every element to <paramref name="value"/>, in place (e.g. zeroing a gradient).</summary>
    public void Fill(double value) => WritableSpan("Fill").Fill(value);

    /// <summary>Copies the values of <paramref name="source"/> (same shape) into this tensor.</summary>
    public void CopyFrom(Tensor source)
    {
        ArgumentNullException.ThrowIfNull(source);
        RequireSameShape(source, "CopyFrom");
        source.CopyTo(WritableSpan("CopyFrom"));
    }

    /// <summary>True when both tensors have the same shape.</summary>
    public bool SameShape(Tensor other) => other is not null && _shape.AsSpan().SequenceEqual(other._shape);

    private void RequireSameShape(Tensor other, string operation)
    {
        if (!SameShape(other))
        {
            throw new ArgumentException($"{operation}: shapes {ShapeMath.Format(_shape)} and {ShapeMath.Format(other._shape)} differ.");
        }
    }

    // this = this (op) other where other broadcasts to this shape; every element is read before it is written.
    private void BroadcastInPlace<TOp>(Tensor other, string operation)
        where TOp : IBinaryOp
    {
        var shape = ShapeMath.Broadcast(_shape, other._shape, operation);
        if (!shape.AsSpan().SequenceEqual(_shape))
        {
            throw new ArgumentException(
                $"{operation}: a tensor of shape {ShapeMath.Format(other._shape)} does not broadcast to this tensor's shape {ShapeMath.Format(_shape)} (the result would be {ShapeMath.Format(shape)}).");
        }

        var target = WritableSpan(operation);
        if (Size > 0)
        {
            // A view of this tensor (y += y[0], say) is read again after its rows are written: read a copy.
            var source = ReferenceEquals(other.Buffer, Buffer) ? other.Clone() : other.Contiguous();
            BroadcastLoop<TOp>(this, source, _shape, Storage, _offset);
        }
    }

    private Span<double> WritableSpan(string operation)
    {
        RequireWritable(operation);
        return Storage.AsSpan(_offset, Size);
    }

    // An in-place operation writes this tensor's own elements, so it must not be a strided view.
    private void RequireWritable(string operation)
    {
        if (!IsContiguous)
        {
            throw new InvalidOperationException($"{operation}: cannot modify the non-contiguous view of shape {ShapeMath.Format(_shape)} in place.");
        }
    }
}
