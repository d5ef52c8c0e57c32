using System.Numerics.Tensors;

namespace NeuralNet;

public sealed partial class Tensor
{
    /// <summary>this += alpha * other, in place (shapes must match). The optimiser's update: <c>W.AddInPlace(dW, -lr)</c>.</summary>
    public void AddInPlace(Tensor other, double alpha = 1.0)
    {
        ArgumentNullException.ThrowIfNull(other);
        RequireSameShape(other, "AddInPlace");
        var target = WritableSpan("AddInPlace");
        if (other.IsDeferred && other._deferred is { } product)
        {
            // The optimiser's update with a weight gradient nobody has read: add it block by block.
            product.AddTo(target, alpha);
            return;
        }

        var source = other.Contiguous().ReadSpan();
        if (alpha == 1.0)
        {
            TensorPrimitives.Add(target, source, target);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(source, alpha, target, target);
        }
    }

    /// <summary>this *= factor, in place.</summary>
    public void ScaleInPlace(double factor)
    {
        var target = WritableSpan("ScaleInPlace");
        TensorPrimitives.Multiply(target, factor, target);
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

    private Span<double> WritableSpan(string operation)
    {
        if (!IsContiguous)
        {
            throw new InvalidOperationException($"{operation}: cannot modify the non-contiguous view of shape {ShapeMath.Format(_shape)} in place.");
        }

        return Storage.AsSpan(_offset, Size);
    }
}
