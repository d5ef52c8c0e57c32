namespace NeuralNet;

/// <summary>
/// Values a tensor holds but computes only when something reads or writes them: a large matrix product of small
/// operands (<see cref="DeferredProduct"/>) or a convolution's patches (<see cref="DeferredIm2Col"/>). The array is
/// computed once and shared by every tensor that views these values.
/// </summary>
internal abstract class DeferredValue
{
    private double[]? _value;

    /// <summary>True once the values have been computed (a read or write of any view of them).</summary>
    public bool IsComputed => Volatile.Read(ref _value) is not null;

    /// <summary>The values, computed on the first call.</summary>
    public double[] Value
    {
        get
        {
            if (Volatile.Read(ref _value) is { } value)
            {
                return value;
            }

            lock (this)
            {
                return _value ??= Compute();
            }
        }
    }

    /// <summary>The values as a new row-major array.</summary>
    protected abstract double[] Compute();
}
