namespace NeuralNet.Data;

/// <summary>
/// Constants of the IDX format used by every MNIST-style data set
/// (http://yann.lecun.com/exdb/mnist/): a big-endian header, then raw unsigned bytes.
/// </summary>
/// <remarks>
/// Images (idx3-ubyte): magic 0x00000803, count, rows, cols, then count*rows*cols pixel bytes.
/// Labels (idx1-ubyte): magic 0x00000801, count, then count label bytes.
/// The magic's third byte is the element type (0x08 = unsigned byte), the fourth the number of dimensions.
/// </remarks>
public static class IdxFormat
{
    /// <summary>Magic number of an unsigned-byte, 3-dimensional file (images).</summary>
    public const int ImagesMagic = 0x00000803;

    /// <summary>Magic number of an unsigned-byte, 1-dimensional file (labels).</summary>
    public const int LabelsMagic = 0x00000801;

    /// <summary>Largest image side the reader accepts; guards against allocating gigabytes for a corrupt header.</summary>
    public const int MaxSide = 4096;
}
