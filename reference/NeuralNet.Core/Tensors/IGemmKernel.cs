namespace NeuralNet;

/// <summary>
/// A register tile of the blocked matrix product: C[0..rows, 0..Cols] (+)= A[0..rows, 0..kc] x B[0..kc, 0..Cols].
/// Implemented by structs so the generic drivers are compiled once per instruction set, with the tile
/// sizes as constants.
/// </summary>
internal interface IGemmKernel
{
    /// <summary>Most rows of A (and C) one tile covers.</summary>
    static abstract int Rows { get; }

    /// <summary>Columns of B (and C) one tile covers; B strips are packed this wide.</summary>
    static abstract int Cols { get; }

    /// <summary>
    /// Updates a tile. A element (r, p) is at <c>a + r * rs + p * cs</c>; B row p is <c>Cols</c> contiguous values at
    /// <c>b + p * ldb</c>; C row r at <c>c + r * ldc</c>. With <paramref name="accumulate"/> false the tile is
    /// overwritten, otherwise added to. <paramref name="kc"/> must be at least 1.
    /// </summary>
    static abstract void Run(int rows, int kc, ref double a, nint rs, nint cs, ref double b, nint ldb, ref double c, nint ldc, bool accumulate);
}
