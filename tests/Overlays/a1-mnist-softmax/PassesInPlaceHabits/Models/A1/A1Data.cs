namespace NeuralNet.Models.A1;

/// <summary>A1's data preparation in <c>utils.py</c> (A1 section 1.1): the train/validation split and batching.</summary>
public static class A1Data
{
    /// <summary>Splits the training set: the first 80% of the examples train, the rest validate.</summary>
    /// <param name="x">all training images, shape (N, D)</param>
    /// <param name="y">their labels, length N</param>
    /// <returns>train (floor(0.8 N) rows) and validation (the remaining rows), order kept</returns>
    public static (A1Batch Train, A1Batch Validation) TrainValSplit(Tensor x, int[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Rank != 2 || x.Dim(0) != y.Length)
        {
            throw new ArgumentException($"A1Data: expected x of shape (N, D) with N = {y.Length} labels, found ({string.Join(", ", x.Shape)}).");
        }

        // integer arithmetic: floor(0.8 N) = floor(4 N / 5)
        var cut = y.Length * 4 / 5;
        var train = new A1Batch(x.Slice(0, cut).Clone(), y[..cut]);
        var validation = new A1Batch(x.Slice(cut, y.Length - cut).Clone(), y[cut..]);
        return (train, validation);
    }

    /// <summary>Cuts the data into consecutive batches, optionally after a seeded shuffle.</summary>
    /// <param name="x">images, shape (N, D)</param>
    /// <param name="y">labels, length N</param>
    /// <param name="batchSize">rows per batch; the last batch holds the remainder</param>
    /// <param name="shuffle">permute the examples first (the same permutation for x and y)</param>
    /// <param name="rng">the generator of the permutation (needed when shuffling)</param>
    /// <returns>ceil(N / batchSize) batches</returns>
    public static IReadOnlyList<A1Batch> GenerateBatchedData(Tensor x, int[] y, int batchSize = 32, bool shuffle = false, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (shuffle && rng is null)
        {
            throw new ArgumentException("A1Data.GenerateBatchedData: shuffle needs an Rng (A1 seeds numpy before permuting).", nameof(rng));
        }

        // an index array shuffled in place by the same Fisher-Yates as rng.Permutation(N)
        var index = Enumerable.Range(0, y.Length).ToArray();
        if (shuffle)
        {
            rng!.Shuffle(index);
        }

        var result = new List<A1Batch>();
        foreach (var chunk in index.Chunk(batchSize))
        {
            result.Add(new A1Batch(x.Rows(chunk), chunk.Select(i => y[i]).ToArray()));
        }

        return result;
    }
}
