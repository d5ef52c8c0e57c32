namespace NeuralNet;

/// <summary>The shape of a convolution's patches: image channels and size, kernel, stride and padding.</summary>
internal sealed class PatchGeometry
{
    public PatchGeometry(int channels, int height, int width, int kernelHeight, int kernelWidth, int stride, int pad)
    {
        (Channels, Height, Width, KernelHeight, KernelWidth, Stride, Pad) = (channels, height, width, kernelHeight, kernelWidth, stride, pad);
        OutHeight = Conv.OutputSize(height, kernelHeight, stride, pad);
        OutWidth = Conv.OutputSize(width, kernelWidth, stride, pad);
    }

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    public int KernelHeight { get; }

    public int KernelWidth { get; }

    public int Stride { get; }

    public int Pad { get; }

    public int OutHeight { get; }

    public int OutWidth { get; }

    /// <summary>C * kh * kw: the length of one patch row.</summary>
    public int Patch => Channels * KernelHeight * KernelWidth;

    /// <summary>outH * outW: patch rows per image.</summary>
    public int Positions => OutHeight * OutWidth;

    /// <summary>C * H * W: values per image.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>Positions * Patch: patch values per image.</summary>
    public int ImageCells => Positions * Patch;
}

/// <summary>
/// A convolution's patches, <see cref="Conv.Im2Col"/> of a batch, computed only when something reads them. The
/// layer multiplies them, per image, with its filters (<c>W_flat · cols[n]ᵀ</c> forward, <c>g[n] · cols[n]</c> for
/// dW): <see cref="Tensor.MatMul"/> then writes each image's block into a cache-sized scratch array just before
/// its product instead of reading a whole batch's patches back from memory (for HW3's 3.5 CNN 6 MB a batch, written
/// and read twice a step).
/// </summary>
/// <remarks>
/// The images are copied when the patches are created (1/kh·kw of the patches' size for stride 1), so later
/// changes to them do not change the patches. Each image's block is written by the same code as the stored
/// patches, and a product reads the scratch block with the strides it would have read in the stored patches, so
/// results are bit-identical either way.
/// </remarks>
internal sealed class DeferredIm2Col : DeferredValue
{
    /// <summary>Patches smaller than this many elements (512 KB) are computed at once.</summary>
    internal const int MinElements = 1 << 16;

    /// <summary>The patches must hold at least this many times the images' values, or the copy costs what it saves.</summary>
    private const int MinGrowth = 4;

    private readonly double[] _images;

    private DeferredIm2Col(double[] images, int count, PatchGeometry geometry)
    {
        _images = images;
        Images = count;
        Geometry = geometry;
    }

    /// <summary>N: how many images.</summary>
    public int Images { get; }

    /// <summary>Channels, image size, kernel, stride and padding.</summary>
    public PatchGeometry Geometry { get; }

    /// <summary>The deferred patches of <paramref name="x"/> as an (N * outH * outW, C * kh * kw) tensor, or null when they should be computed at once.</summary>
    /// <param name="x">images, shape (N, C, H, W)</param>
    /// <param name="geometry">their channels and size, the kernel, stride and padding</param>
    public static Tensor? TryCreate(Tensor x, PatchGeometry geometry)
    {
        var n = x.Dim(0);
        var cells = (long)n * geometry.ImageCells;
        if (cells < MinElements || cells > Array.MaxLength || cells < (long)MinGrowth * x.Size)
        {
            return null;
        }

        return Tensor.Deferred(new DeferredIm2Col(x.ToArray(), n, geometry), [n * geometry.Positions, geometry.Patch]);
    }

    /// <summary>Writes image <paramref name="image"/>'s block of patch rows (Positions x Patch, row-major) into <paramref name="block"/>.</summary>
    public void WriteImage(int image, Span<double> block) =>
        Conv.ImagePatches(_images.AsSpan(image * Geometry.ImageSize, Geometry.ImageSize), block, Geometry);

    /// <summary>Writes image <paramref name="image"/>'s patches as columns (Patch x Positions, row-major) into <paramref name="block"/>.</summary>
    public void WriteImageColumns(int image, Span<double> block) =>
        Conv.ImagePatchColumns(_images.AsSpan(image * Geometry.ImageSize, Geometry.ImageSize), block, Geometry);

    /// <inheritdoc />
    protected override double[] Compute() => Conv.Patches(_images, Images, Geometry);
}
