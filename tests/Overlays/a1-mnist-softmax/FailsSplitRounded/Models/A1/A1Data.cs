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

        var nTrain = (int)Math.Round(0.8 * y.Length);
        var train = new A1Batch(x.Slice(0, nTrain).Contiguous(), y[..nTrain]);
        var validation = new A1Batch(x.Slice(nTrain, y.Length - nTrain).Contiguous(), y[nTrain..]);
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

        var order = shuffle ? rng!.Permutation(y.Length) : Enumerable.Range(0, y.Length).ToArray();
        var batches = new List<A1Batch>();
        for (var start = 0; start < y.Length; start += batchSize)
        {
            var indices = order[start..Math.Min(start + batchSize, y.Length)];
            batches.Add(new A1Batch(x.Rows(indices), indices.Select(i => y[i]).ToArray()));
        }

        return batches;
    }
}
