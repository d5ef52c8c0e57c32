using NeuralNet.Data;

namespace NeuralNet.Training;

/// <summary>
/// Seeded mini-batches: each epoch draws a permutation of 0..N-1 (numpy's <c>np.random.permutation(N)</c> in
/// the seeds) and cuts it into batches of B. The rows of a batch are copied into buffers reused across
/// batches, so an epoch allocates nothing per batch.
/// </summary>
public sealed class MiniBatchSampler
{
    private readonly Tensor? _x;
    private readonly Dataset? _pixelData;
    private readonly int[] _labels;
    private readonly Rng _rng;
    private readonly int[] _order;
    private readonly int _rowSize;
    private readonly double[] _fullX;
    private readonly int[] _fullLabels;
    private readonly Tensor _fullBatch;
    private double[]? _lastX;
    private int[]? _lastLabels;
    private Tensor? _lastBatch;

    /// <summary>Creates the sampler.</summary>
    /// <param name="x">features, shape (N, D)</param>
    /// <param name="labels">labels, length N</param>
    /// <param name="batchSize">B</param>
    /// <param name="dropLast">skip the final short batch (HW3/HW6 loop over floor(N / B) batches)</param>
    /// <param name="shuffle">false keeps the file order every epoch</param>
    /// <param name="rng">the seeded generator drawing the permutations</param>
    public MiniBatchSampler(Tensor x, int[] labels, int batchSize, bool dropLast, bool shuffle, Rng rng)
        : this(Contiguous(x, labels), null, labels, x.Dim(1), batchSize, dropLast, shuffle, rng)
    {
    }

    /// <summary>
    /// Creates the sampler over a data set. A set still held as pixel bytes stays so: each batch's rows are scaled
    /// (byte / 255, the values of <see cref="Dataset.X"/>) as they are copied.
    /// </summary>
    /// <param name="data">the examples</param>
    /// <param name="batchSize">B</param>
    /// <param name="dropLast">skip the final short batch</param>
    /// <param name="shuffle">false keeps the file order every epoch</param>
    /// <param name="rng">the seeded generator drawing the permutations</param>
    public MiniBatchSampler(Dataset data, int batchSize, bool dropLast, bool shuffle, Rng rng)
        : this((data ?? throw new ArgumentNullException(nameof(data))).HasPixelsOnly ? null : data.X.Contiguous(), data, data.Labels, data.Features, batchSize, dropLast, shuffle, rng)
    {
    }

    private MiniBatchSampler(Tensor? x, Dataset? data, int[] labels, int rowSize, int batchSize, bool dropLast, bool shuffle, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _x = x;
        _pixelData = x is null ? data : null;
        _labels = labels;
        _rng = rng;
        BatchSize = Math.Min(batchSize, labels.Length);
        DropLast = dropLast;
        Shuffle = shuffle;
        _order = new int[labels.Length];
        _rowSize = rowSize;
        _fullX = new double[BatchSize * _rowSize];
        _fullLabels = new int[BatchSize];
        _fullBatch = Tensor.Wrap(_fullX, [BatchSize, _rowSize]);
        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }
    }

    /// <summary>B (capped at N).</summary>
    public int BatchSize { get; }

    /// <summary>Whether the final short batch is skipped.</summary>
    public bool DropLast { get; }

    /// <summary>Whether each epoch draws a new order.</summary>
    public bool Shuffle { get; }

    /// <summary>Batches per epoch: floor(N / B) with <see cref="DropLast"/>, else ceil(N / B).</summary>
    public int BatchesPerEpoch => DropLast ? _labels.Length / BatchSize : (_labels.Length + BatchSize - 1) / BatchSize;

    /// <summary>The example order of the current epoch.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>Starts an epoch: draws a fresh permutation of 0..N-1 when shuffling.</summary>
    public void NextEpoch()
    {
        if (!Shuffle)
        {
            return;
        }

        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        _rng.Shuffle(_order);
    }

    /// <summary>
    /// Batch <paramref name="index"/> of the current epoch. The returned tensor and array are reused by the
    /// next call: use them before asking for another batch.
    /// </summary>
    /// <param name="index">0-based batch number, below <see cref="BatchesPerEpoch"/></param>
    /// <returns>x, shape (B, D), and the B labels</returns>
    public (Tensor X, int[] Labels) Batch(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, BatchesPerEpoch);
        var start = index * BatchSize;
        var count = Math.Min(BatchSize, _labels.Length - start);
        var (buffer, labels, batch) = count == BatchSize ? (_fullX, _fullLabels, _fullBatch) : ShortBatch(count);
        var source = _x is null ? default : _x.AsSpan();
        for (var i = 0; i < count; i++)
        {
            var row = _order[start + i];
            if (_x is null)
            {
                _pixelData!.ScalePixelRows(row, 1, buffer.AsSpan(i * _rowSize, _rowSize));
            }
            else
            {
                source.Slice(row * _rowSize, _rowSize).CopyTo(buffer.AsSpan(i * _rowSize, _rowSize));
            }

            labels[i] = _labels[row];
        }

        return (batch, labels);
    }

    private (double[] X, int[] Labels, Tensor Batch) ShortBatch(int count)
    {
        if (_lastLabels is null || _lastLabels.Length != count)
        {
            _lastX = new double[count * _rowSize];
            _lastLabels = new int[count];
            _lastBatch = Tensor.Wrap(_lastX, [count, _rowSize]);
        }

        return (_lastX!, _lastLabels, _lastBatch!);
    }

    private static Tensor Contiguous(Tensor x, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (x.Rank != 2 || x.Dim(0) != labels.Length)
        {
            throw new ArgumentException($"MiniBatchSampler: expected x of shape (N, D) with N = {labels.Length} labels, found ({string.Join(", ", x.Shape)}).");
        }

        return x.Contiguous();
    }
}
