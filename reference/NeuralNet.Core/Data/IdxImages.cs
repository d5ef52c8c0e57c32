namespace NeuralNet.Data;

/// <summary>
/// The contents of an IDX image file (idx3-ubyte): <paramref name="Count"/> grey-scale images of
/// <paramref name="Rows"/> x <paramref name="Cols"/> bytes, stored row-major one image after another.
/// </summary>
/// <param name="Count">number of images N</param>
/// <param name="Rows">image height in pixels (28 for MNIST)</param>
/// <param name="Cols">image width in pixels (28 for MNIST)</param>
/// <param name="Pixels">raw pixel bytes 0..255, length N * Rows * Cols, image i at offset i * Rows * Cols</param>
public sealed record IdxImages(int Count, int Rows, int Cols, byte[] Pixels)
{
    /// <summary>Number of pixels in one image, Rows * Cols.</summary>
    public int PixelsPerImage => Rows * Cols;
}
