namespace NeuralNet;

/// <summary>Splitting work items into near-equal contiguous runs, and slicing K into equal passes.</summary>
internal static class GemmPartition
{
    /// <summary>Start of run <paramref name="part"/> when <paramref name="count"/> items are split into <paramref name="parts"/> runs.</summary>
    public static int Start(int count, int parts, int part) => (int)((long)count * part / parts);

    /// <summary>The pass depth that splits <paramref name="k"/> into equal passes of at most <paramref name="max"/>.</summary>
    public static int Balanced(int k, int max)
    {
        var passes = (k + max - 1) / max;
        return (k + passes - 1) / passes;
    }
}
