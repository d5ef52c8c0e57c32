namespace NeuralNet;

/// <summary>
/// A 2-D matrix operand of the matrix product as storage plus strides, so transposed and sliced views
/// are read in place: element (i, j) is <c>Data[Offset + i * RowStride + j * ColStride]</c>.
/// </summary>
internal readonly struct GemmOperand
{
    public GemmOperand(double[] data, int offset, int rows, int cols, int rowStride, int colStride)
    {
        Data = data;
        Offset = offset;
        Rows = rows;
        Cols = cols;
        RowStride = rowStride;
        ColStride = colStride;
    }

    public double[] Data { get; }

    public int Offset { get; }

    public int Rows { get; }

    public int Cols { get; }

    public int RowStride { get; }

    public int ColStride { get; }

    public static GemmOperand Of(Tensor t)
    {
        var shape = t.ShapeSpan;
        var strides = t.StridesSpan;
        // A single column is contiguous whatever its stride says; normalising lets it take the fast paths.
        var colStride = shape[1] == 1 ? 1 : strides[1];
        return new GemmOperand(t.Buffer, t.Offset, shape[0], shape[1], strides[0], colStride);
    }

    public ref double At(int i, int j) => ref Data[Offset + i * RowStride + j * ColStride];

    /// <summary>The transpose, as a view of the same storage.</summary>
    public GemmOperand Transposed() => new(Data, Offset, Cols, Rows, ColStride, RowStride);
}
