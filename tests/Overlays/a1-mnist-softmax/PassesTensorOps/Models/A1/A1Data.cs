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

        int numTrain = (int)(y.Length * 0.8);
        int[] trainIdx = Enumerable.Range(0, numTrain).ToArray();
        int[] valIdx = Enumerable.Range(numTrain, y.Length - numTrain).ToArray();
        return (new A1Batch(x.Rows(trainIdx), trainIdx.Select(i => y[i]).ToArray()),
                new A1Batch(x.Rows(valIdx), valIdx.Select(i => y[i]).ToArray()));
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

        Tensor xs = x;
        int[] ys = y;
        if (shuffle)
        {
            var perm = rng!.Permutation(y.Length);
            xs = x.Rows(perm);
            ys = perm.Select(i => y[i]).ToArray();
        }

        var count = (ys.Length + batchSize - 1) / batchSize;
        var output = new A1Batch[count];
        for (var b = 0; b < count; b++)
        {
            var from = b * batchSize;
            var len = Math.Min(batchSize, ys.Length - from);
            output[b] = new A1Batch(xs.Slice(from, len).Clone(), ys.AsSpan(from, len).ToArray());
        }

        return output;
    }
}
