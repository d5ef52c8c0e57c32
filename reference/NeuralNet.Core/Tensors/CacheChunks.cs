using System.Numerics.Tensors;

namespace NeuralNet;

/// <summary>
/// Element-wise span operations cut into pieces of at most 256 KB. <see cref="TensorPrimitives"/> writes a destination
/// longer than 256 KB with non-temporal stores, which bypass the cache: after an optimiser's in-place update of a
/// 784 x 128 weight matrix (800 KB) through one call, the next forward pass read the weights back from memory
/// (docs/performance.md, <c>Benchmarks mlp-step</c>: the first layer's forward pass 102 µs against 20 µs). Pieces
/// stay in the cache. Destinations over 2 MB keep one call (and its non-temporal stores): they do not stay in a core's
/// cache anyway, and a 784 x 1000 update measured no faster in pieces. Only operations that round each element on its own
/// (add, subtract, multiply, divide, maximum, minimum, multiply-add) are cut, so cutting never changes a value; Pow keeps
/// one call (its vector and scalar paths may round differently).
/// </summary>
internal static class CacheChunks
{
    /// <summary>Elements per piece: 128 KB of doubles. The last piece takes the rest, under 256 KB.</summary>
    internal const int Elements = 16_384;

    /// <summary>Destinations longer than this (2 MB of doubles) are written in one call.</summary>
    internal const int MaxElements = 1 << 18;

    /// <summary>d = a op b element-wise.</summary>
    public static void Apply<TOp>(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d)
        where TOp : IBinaryOp
    {
        var start = 0;
        for (; Exact<TOp>() && d.Length <= MaxElements && d.Length - start >= 2 * Elements; start += Elements)
        {
            TOp.Apply(a.Slice(start, Elements), b.Slice(start, Elements), d.Slice(start, Elements));
        }

        TOp.Apply(a[start..], b[start..], d[start..]);
    }

    /// <summary>d = a op b element-wise with a scalar b.</summary>
    public static void Apply<TOp>(ReadOnlySpan<double> a, double b, Span<double> d)
        where TOp : IBinaryOp
    {
        var start = 0;
        for (; Exact<TOp>() && d.Length <= MaxElements && d.Length - start >= 2 * Elements; start += Elements)
        {
            TOp.Apply(a.Slice(start, Elements), b, d.Slice(start, Elements));
        }

        TOp.Apply(a[start..], b, d[start..]);
    }

    /// <summary>d = a op b element-wise with a scalar a.</summary>
    public static void Apply<TOp>(double a, ReadOnlySpan<double> b, Span<double> d)
        where TOp : IBinaryOp
    {
        var start = 0;
        for (; Exact<TOp>() && d.Length <= MaxElements && d.Length - start >= 2 * Elements; start += Elements)
        {
            TOp.Apply(a, b.Slice(start, Elements), d.Slice(start, Elements));
        }

        TOp.Apply(a, b[start..], d[start..]);
    }

    /// <summary>target = source * alpha + target element-wise, unfused (TensorPrimitives.MultiplyAdd).</summary>
    public static void MultiplyAdd(ReadOnlySpan<double> source, double alpha, Span<double> target)
    {
        var start = 0;
        for (; target.Length <= MaxElements && target.Length - start >= 2 * Elements; start += Elements)
        {
            var piece = target.Slice(start, Elements);
            TensorPrimitives.MultiplyAdd(source.Slice(start, Elements), alpha, piece, piece);
        }

        var rest = target[start..];
        TensorPrimitives.MultiplyAdd(source[start..], alpha, rest, rest);
    }

    /// <summary>Whether the operation rounds each element on its own the same way on every path (all but Pow); folded by the JIT.</summary>
    internal static bool Exact<TOp>()
        where TOp : IBinaryOp => typeof(TOp) != typeof(PowOp);
}
