namespace NeuralNet;

/// <summary>
/// A tile of dot products for A x Bt when both are stored by rows: C[r, j] = sum over p of A[r, p] * Bt[j, p]
/// for up to <c>Rows</c> rows of A and <c>Cols</c> rows of Bt.
/// </summary>
internal interface IGemmDotKernel
{
    static abstract int Rows { get; }

    static abstract int Cols { get; }

    /// <summary>A row r at <c>a + r * lda</c>, Bt row j at <c>b + j * ldb</c>, both k contiguous values; C[r, j] at <c>c + r * ldc + j</c>.</summary>
    static abstract void Run(int rows, int cols, int k, ref double a, nint lda, ref double b, nint ldb, ref double c, nint ldc);
}
