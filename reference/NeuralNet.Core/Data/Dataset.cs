namespace NeuralNet.Data;

/// <summary>
/// A labelled set of examples: features <see cref="X"/> of shape (N, D) and integer <see cref="Labels"/>
/// of length N. The loaders scale pixels to [0, 1] (byte / 255), so X of an MNIST-style set has D = 784
/// and rows that are 28 x 28 images flattened row by row.
/// </summary>
/// <remarks>
/// A set read from image files keeps its pixel bytes (an eighth of the doubles' size) and builds <see cref="X"/> the
/// first time it is read; the training loop, the evaluation and <see cref="Subset"/> / <see cref="Take"/> scale only the
/// rows they use, with the same byte / 255 values, so a training run never holds a whole split as doubles.
/// </remarks>
public sealed class Dataset
{
    /// <summary>Number of classes of the course's data sets (digits or clothes 0..9).</summary>
    public const int DefaultClasses = 10;

    private readonly byte[]? _pixels;
    private Tensor? _x;

    /// <summary>Creates a data set; the tensor and array are kept, not copied.</summary>
    /// <param name="x">features, shape (N, D); the loaders give values in [0, 1]</param>
    /// <param name="labels">class of each row, length N, each in 0..numClasses-1</param>
    /// <param name="imageHeight">height of the image a row holds; imageHeight * imageWidth must equal D</param>
    /// <param name="imageWidth">width of the image a row holds</param>
    /// <param name="numClasses">number of classes K</param>
    /// <exception cref="ArgumentException">shapes disagree or a label is out of range</exception>
    public Dataset(Tensor x, int[] labels, int imageHeight, int imageWidth, int numClasses = DefaultClasses)
        : this(Checked(x, labels, imageHeight, imageWidth), null, labels, imageHeight, imageWidth, numClasses)
    {
    }

    /// <summary>A data set of images kept as their pixel bytes (row-major, D = height x width per row); X is built on first use.</summary>
    private Dataset(byte[] pixels, int[] labels, int imageHeight, int imageWidth, int numClasses)
        : this(null, Checked(pixels, labels, imageHeight, imageWidth), labels, imageHeight, imageWidth, numClasses)
    {
    }

    /// <summary>The one place a data set's fields are set: exactly one of <paramref name="x"/> and <paramref name="pixels"/> is given.</summary>
    private Dataset(Tensor? x, byte[]? pixels, int[] labels, int imageHeight, int imageWidth, int numClasses)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)numClasses)
            {
                throw new ArgumentException($"Dataset: labels[{i}] = {labels[i]} is out of range 0..{numClasses - 1}", nameof(labels));
            }
        }

        _x = x;
        _pixels = pixels;
        Labels = labels;
        ImageHeight = imageHeight;
        ImageWidth = imageWidth;
        NumClasses = numClasses;
    }

    /// <summary>Creates a data set whose rows are square images when D is a perfect square (784 = 28 x 28), otherwise 1 x D.</summary>
    /// <param name="x">features, shape (N, D)</param>
    /// <param name="labels">class of each row, length N</param>
    /// <param name="numClasses">number of classes K</param>
    public Dataset(Tensor x, int[] labels, int numClasses = DefaultClasses)
        : this(x, labels, SquareSide(x) ?? 1, SquareSide(x) ?? x.Dim(-1), numClasses)
    {
    }

    /// <summary>Features, shape (N, D). For a set read from image files, built from its pixel bytes on first use.</summary>
    public Tensor X => _x ?? MaterializeX();

    /// <summary>Labels, shape (N), values 0..NumClasses-1.</summary>
    public int[] Labels { get; }

    /// <summary>Number of examples N.</summary>
    public int Count => Labels.Length;

    /// <summary>Number of features per example D (784 for 28 x 28 images).</summary>
    public int Features => _x?.Dim(1) ?? (ImageHeight * ImageWidth);

    /// <summary>Height of the image each row holds (28 for MNIST).</summary>
    public int ImageHeight { get; }

    /// <summary>Width of the image each row holds (28 for MNIST).</summary>
    public int ImageWidth { get; }

    /// <summary>Number of classes K.</summary>
    public int NumClasses { get; }

    /// <summary>The rows as one-channel images for convolutional layers: a view of X, no copy.</summary>
    /// <returns>shape (N, 1, H, W), e.g. (N, 1, 28, 28)</returns>
    public Tensor Images() => X.Reshape(Count, 1, ImageHeight, ImageWidth);

    /// <summary>The rows as one-channel images of a chosen size, e.g. (16, 8) for Homework 5's letters.</summary>
    /// <param name="height">image height H; H * W must equal D</param>
    /// <param name="width">image width W</param>
    /// <returns>shape (N, 1, H, W), a view of X</returns>
    public Tensor Images(int height, int width)
    {
        if (height <= 0 || width <= 0 || height * width != Features)
        {
            throw new ArgumentException($"Images: {height} x {width} images do not match D = {Features} features per row");
        }

        return X.Reshape(Count, 1, height, width);
    }

    /// <summary>The examples at <paramref name="indices"/>, in that order (a copy), e.g. one mini-batch.</summary>
    /// <param name="indices">row indices, length B, each in 0..N-1</param>
    /// <returns>a data set with X of shape (B, D)</returns>
    public Dataset Subset(int[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var labels = new int[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Subset: indices[{i}] = {indices[i]} is out of range 0..{Count - 1}");
            }

            labels[i] = Labels[indices[i]];
        }

        // Once X is built it is what the rows are (the caller may have changed it in place); until then, the bytes.
        if (HasPixelsOnly)
        {
            var d = Features;
            var pixels = GC.AllocateUninitializedArray<byte>(indices.Length * d);
            for (int i = 0; i < indices.Length; i++)
            {
                _pixels.AsSpan(indices[i] * d, d).CopyTo(pixels.AsSpan(i * d, d));
            }

            return new Dataset(pixels, labels, ImageHeight, ImageWidth, NumClasses);
        }

        return new Dataset(X.Rows(indices), labels, ImageHeight, ImageWidth, NumClasses);
    }

    /// <summary>The first <paramref name="count"/> examples (X is a view, labels a copy).</summary>
    /// <param name="count">number of examples to keep, 0..N</param>
    public Dataset Take(int count)
    {
        if (count < 0 || count > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"Take: count {count} is out of range 0..{Count}");
        }

        return HasPixelsOnly
            ? new Dataset(_pixels![..(count * Features)], Labels[..count], ImageHeight, ImageWidth, NumClasses)
            : new Dataset(X.Slice(0, count), Labels[..count], ImageHeight, ImageWidth, NumClasses);
    }

    /// <summary>Number of examples of each class.</summary>
    /// <returns>length K; entry c counts the rows labelled c</returns>
    public int[] ClassCounts()
    {
        var counts = new int[NumClasses];
        foreach (int label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }

    /// <inheritdoc />
    public override string ToString() => $"Dataset(N={Count}, D={Features}, images {ImageHeight} x {ImageWidth}, {NumClasses} classes)";

    /// <summary>Builds a data set from IDX contents, scaling pixels by 1/255; checks the two files agree.</summary>
    internal static Dataset FromIdx(IdxImages images, byte[] labels, string imagesPath, string labelsPath, int numClasses = DefaultClasses)
    {
        if (images.Count != labels.Length)
        {
            throw new InvalidDataException($"{imagesPath} has {images.Count} images but {labelsPath} has {labels.Length} labels");
        }

        var ints = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= numClasses)
            {
                throw new InvalidDataException($"{labelsPath}: label {labels[i]} at index {i} is out of range 0..{numClasses - 1}");
            }

            ints[i] = labels[i];
        }

        return new Dataset(images.Pixels, ints, images.Rows, images.Cols, numClasses);
    }

    /// <summary>A data set of images given as pixel bytes (row-major, height x width per row), scaled by 1/255 where read.</summary>
    /// <param name="pixels">labels.Length x height x width bytes; kept, not copied</param>
    /// <param name="labels">class of each row</param>
    /// <param name="imageHeight">image rows</param>
    /// <param name="imageWidth">image columns</param>
    /// <param name="numClasses">number of classes K</param>
    internal static Dataset FromPixels(byte[] pixels, int[] labels, int imageHeight, int imageWidth, int numClasses = DefaultClasses) =>
        new(pixels, labels, imageHeight, imageWidth, numClasses);

    /// <summary>Whether the rows are still only pixel bytes (X not built yet); the training loop then scales rows as it copies them.</summary>
    internal bool HasPixelsOnly => _x is null && _pixels is not null;

    /// <summary>The rows' pixel bytes (row-major, byte / 255 is X) while <see cref="HasPixelsOnly"/>, else null.</summary>
    internal byte[]? PixelBytes => HasPixelsOnly ? _pixels : null;

    /// <summary>Writes rows start..start+count-1 as doubles (byte / 255) into <paramref name="destination"/>; only while <see cref="HasPixelsOnly"/>.</summary>
    internal void ScalePixelRows(int start, int count, Span<double> destination)
    {
        var d = Features;
        PixelScaling.ToUnitRange(_pixels.AsSpan(start * d, count * d), destination);
    }

    private Tensor MaterializeX()
    {
        var x = Tensor.Wrap(PixelScaling.ToUnitRange(_pixels!), [Count, ImageHeight * ImageWidth]);
        return Interlocked.CompareExchange(ref _x, x, null) ?? x;
    }

    private static Tensor Checked(Tensor x, int[] labels, int imageHeight, int imageWidth)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(labels);
        if (x.Rank != 2)
        {
            throw new ArgumentException($"Dataset: x must have shape (N, D), found rank {x.Rank} shape ({string.Join(", ", x.Shape)})", nameof(x));
        }

        if (labels.Length != x.Dim(0))
        {
            throw new ArgumentException($"Dataset: x has {x.Dim(0)} rows but labels has {labels.Length} entries", nameof(labels));
        }

        if (imageHeight <= 0 || imageWidth <= 0 || imageHeight * imageWidth != x.Dim(1))
        {
            throw new ArgumentException(
                $"Dataset: images of {imageHeight} x {imageWidth} do not match D = {x.Dim(1)} features per row", nameof(imageHeight));
        }

        return x;
    }

    private static byte[] Checked(byte[] pixels, int[] labels, int imageHeight, int imageWidth)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (imageHeight <= 0 || imageWidth <= 0 || pixels.Length != (long)labels.Length * imageHeight * imageWidth)
        {
            throw new ArgumentException($"Dataset: {pixels.Length} pixel bytes are not {labels.Length} images of {imageHeight} x {imageWidth}", nameof(pixels));
        }

        return pixels;
    }

    private static int? SquareSide(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        int d = x.Dim(-1);
        int side = (int)Math.Round(Math.Sqrt(d));
        return side * side == d ? side : null;
    }
}
