using System.Text.Json;
using NeuralNet.Data;

namespace NeuralNet.Experiments;

/// <summary>
/// Re-runs the first epochs of a logged experiment with the modules loaded beside this NeuralNet.Core (a submission's
/// build in the grader's worker), so the grader can compare them with the log's own first values: a log is worth its
/// points only if the submitted code produces it. The run is <see cref="ExperimentRunner.Run"/> itself (same seed, same
/// streams), stopped after the requested epochs, without the gradient and magnitude checks the log records (they run on
/// their own random stream and restore the weights, so training does not depend on them; a loop-style solution spends
/// most of a re-run in the magnitude check's 5,000-example batch). The worker reads no files, so the grader
/// sends the data set in chunks of rows (<see cref="AddTrain"/>, <see cref="AddValidation"/>, or as pixel bytes with
/// <see cref="AddTrainPixels"/>, <see cref="AddValidationPixels"/>), then calls <see cref="FirstEpochs"/>.
/// </summary>
public sealed class ExperimentReplay
{
    /// <summary>Values per replayed epoch in <see cref="FirstEpochs"/>'s result.</summary>
    public const int ValuesPerEpoch = 4;

    private readonly int _imageHeight;
    private readonly int _imageWidth;
    private readonly int _classes;
    private readonly List<Rows> _train = [];
    private readonly List<Rows> _validation = [];
    private int _features = -1;

    /// <summary>An empty replay for images of the given size.</summary>
    /// <param name="imageHeight">image rows (28)</param>
    /// <param name="imageWidth">image columns (28)</param>
    /// <param name="classes">number of classes (10)</param>
    public ExperimentReplay(int imageHeight, int imageWidth, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        (_imageHeight, _imageWidth, _classes) = (imageHeight, imageWidth, classes);
    }

    /// <summary>Appends rows of the data set's training split.</summary>
    /// <param name="rows">shape (n, D)</param>
    /// <param name="labels">length n</param>
    public void AddTrain(Tensor rows, int[] labels) => _train.Add(Chunk(rows, labels));

    /// <summary>Appends rows of the provided validation split (it also stands in for the test split, whose labels stay with the grader).</summary>
    /// <param name="rows">shape (n, D)</param>
    /// <param name="labels">length n</param>
    public void AddValidation(Tensor rows, int[] labels) => _validation.Add(Chunk(rows, labels));

    /// <summary>
    /// Appends rows of the training split given as their pixel bytes (<paramref name="labels"/>.Length rows of equal
    /// length), scaled as the data loaders scale them (byte / 255): an eighth of the doubles' size on the wire.
    /// </summary>
    /// <param name="pixels">the rows' pixel bytes 0..255, row-major (kept, not copied)</param>
    /// <param name="labels">length n</param>
    public void AddTrainPixels(byte[] pixels, int[] labels) => _train.Add(Pixels(pixels, labels));

    /// <summary>Appends rows of the validation split given as pixel bytes (see <see cref="AddTrainPixels"/>).</summary>
    /// <param name="pixels">the rows' pixel bytes 0..255, row-major (kept, not copied)</param>
    /// <param name="labels">length n</param>
    public void AddValidationPixels(byte[] pixels, int[] labels) => _validation.Add(Pixels(pixels, labels));

    /// <summary>Trains the logged experiment for its first <paramref name="epochs"/> epochs on the rows sent so far.</summary>
    /// <param name="configJson">the log's <c>config</c> object (snake_case JSON, as <see cref="TrainingLogJson"/> writes it)</param>
    /// <param name="quick">the log's <c>quick</c> flag (the smoke-run caps)</param>
    /// <param name="epochs">epochs to run, at least 1</param>
    /// <returns>for each epoch e: train accuracy, validation accuracy, train loss, validation loss at [4e .. 4e + 3]</returns>
    /// <exception cref="InvalidDataException">the config is not an experiment config</exception>
    public double[] FirstEpochs(string configJson, bool quick, int epochs)
    {
        ArgumentNullException.ThrowIfNull(configJson);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        if (_train.Count == 0 || _validation.Count == 0)
        {
            throw new InvalidOperationException("ExperimentReplay: send the training and validation rows before FirstEpochs");
        }

        ExperimentConfig config;
        try
        {
            config = JsonSerializer.Deserialize<ExperimentConfig>(configJson, TrainingLogJson.Options)
                ?? throw new InvalidDataException("the log's config is null, expected an experiment config object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the log's config is not an experiment config ({e.Message})", e);
        }

        var train = Join(_train);
        var validation = Join(_validation);
        var log = new ExperimentRunner(CourseCatalog.Default).Run(config with { TestSets = [], Checks = new ChecksConfig() }, new DataSplits(train, validation, validation), new RunSettings { Quick = quick, Epochs = epochs });
        var values = new double[log.Train.Count * ValuesPerEpoch];
        for (var e = 0; e < log.Train.Count; e++)
        {
            values[(e * ValuesPerEpoch) + 0] = log.Train[e];
            values[(e * ValuesPerEpoch) + 1] = log.Val[e];
            values[(e * ValuesPerEpoch) + 2] = log.TrainLoss[e];
            values[(e * ValuesPerEpoch) + 3] = log.ValLoss[e];
        }

        return values;
    }

    private Rows Chunk(Tensor rows, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Rank != 2 || rows.Dim(0) != labels.Length || (_features >= 0 && rows.Dim(1) != _features))
        {
            throw new ArgumentException($"ExperimentReplay: expected rows of shape ({labels.Length}, {(_features >= 0 ? _features : "D")}), found ({string.Join(", ", rows.Shape)})");
        }

        _features = rows.Dim(1);
        return new Rows(rows.ToArray(), null, (int[])labels.Clone());
    }

    private Rows Pixels(byte[] pixels, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length == 0 || pixels.Length % labels.Length != 0 || (_features >= 0 && pixels.Length != labels.Length * _features))
        {
            throw new ArgumentException($"ExperimentReplay: expected {labels.Length} rows of {(_features >= 0 ? _features : "D")} pixels, found {pixels.Length} bytes");
        }

        _features = pixels.Length / labels.Length;
        return new Rows(null, pixels, (int[])labels.Clone());
    }

    /// <summary>
    /// The rows sent, as one data set: kept as pixel bytes when every chunk came as pixels and they make images of the
    /// replay's size (the training loop then scales only the rows it uses, as with the loaders' sets), else as doubles.
    /// </summary>
    private Dataset Join(List<Rows> chunks)
    {
        var labels = new int[chunks.Sum(c => c.Labels.Length)];
        var row = 0;
        foreach (var chunk in chunks)
        {
            chunk.Labels.CopyTo(labels, row);
            row += chunk.Labels.Length;
        }

        if (chunks.All(c => c.Pixels is not null) && _features == _imageHeight * _imageWidth)
        {
            var pixels = new byte[chunks.Sum(c => c.Pixels!.Length)];
            var offset = 0;
            foreach (var chunk in chunks)
            {
                chunk.Pixels!.CopyTo(pixels, offset);
                offset += chunk.Pixels.Length;
            }

            return Dataset.FromPixels(pixels, labels, _imageHeight, _imageWidth, _classes);
        }

        var data = new double[labels.Length * _features];
        var at = 0;
        foreach (var chunk in chunks)
        {
            if (chunk.Pixels is not null)
            {
                PixelScaling.ToUnitRange(chunk.Pixels, data.AsSpan(at));
            }
            else
            {
                chunk.Values!.CopyTo(data, at);
            }

            at += chunk.Labels.Length * _features;
        }

        return new Dataset(Tensor.Wrap(data, [labels.Length, _features]), labels, _imageHeight, _imageWidth, _classes);
    }

    /// <summary>One chunk of rows as sent: doubles or pixel bytes, and its labels.</summary>
    private sealed record Rows(double[]? Values, byte[]? Pixels, int[] Labels);
}
