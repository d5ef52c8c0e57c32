namespace NeuralNet;

/// <summary>
/// Element-wise work on large tensors split across cores. One core's loads and stores limit a pass over a tensor
/// that does not fit in its cache (a convolution layer's 8 MB of activations), not the machine's memory: on the 2-core
/// VM of docs/performance.md an 8 MB in-place add took 370-700 µs on one thread and 180-200 µs on two. Work is split
/// into contiguous ranges of whole elements, rows or planes, each computed exactly as one thread computes it, so
/// results are bit-identical for any number of threads; only work over <see cref="MinElements"/> elements is split,
/// as a fork/join costs 10-150 µs when a pool thread has to be woken.
/// </summary>
internal static class SplitWork
{
    /// <summary>
    /// Elements (2 MB of doubles) a pass must exceed before it is split: the passes <see cref="CacheChunks"/> no longer
    /// cuts into cache-sized pieces, as they leave a core's cache anyway.
    /// </summary>
    internal const int MinElements = CacheChunks.MaxElements;

    /// <summary>Elements in a range's alignment unit (a 64-byte cache line of doubles), so parts never share a line.</summary>
    private const int LineElements = 8;

    /// <summary>How many parts a pass over <paramref name="elements"/> elements is split into (1: not split).</summary>
    internal static int Parts(long elements) =>
        elements <= MinElements ? 1 : (int)Math.Clamp(elements / (MinElements / 2), 1, Environment.ProcessorCount);

    /// <summary>
    /// Runs <paramref name="body"/>(start, end) over contiguous ranges covering [0, <paramref name="count"/>): one call
    /// on this thread when the pass covers at most <see cref="MinElements"/> elements, otherwise one range per core.
    /// </summary>
    /// <param name="count">items (rows, planes, ...) to cover</param>
    /// <param name="elements">elements the whole pass reads or writes, which decides the split</param>
    /// <param name="body">computes items [start, end); ranges never overlap</param>
    internal static void For(int count, long elements, Action<int, int> body)
    {
        var parts = Math.Min(Parts(elements), count);
        if (parts <= 1)
        {
            body(0, count);
            return;
        }

        Parallel.For(0, parts, part => body(GemmPartition.Start(count, parts, part), GemmPartition.Start(count, parts, part + 1)));
    }

    /// <summary>
    /// <see cref="For"/> over the elements [0, <paramref name="length"/>) of an element-wise pass, in ranges that start
    /// on a cache line's worth of elements.
    /// </summary>
    internal static void ForElements(int length, Action<int, int> body)
    {
        if (Parts(length) <= 1)
        {
            body(0, length);
            return;
        }

        var lines = (length + LineElements - 1) / LineElements;
        For(lines, length, (first, end) => body(first * LineElements, Math.Min(end * LineElements, length)));
    }
}
