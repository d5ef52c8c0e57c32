using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// Dot-product tiles for A x Bt with few rows, AVX2: up to 3 rows of A against 3 rows of Bt in 9
/// <see cref="Vector256{T}"/> partial sums.
/// </summary>
internal readonly struct GemmDot256 : IGemmDotKernel
{
    public static int Rows => 3;

    public static int Cols => 3;

    public static bool IsSupported => Fma.IsSupported && Avx.IsSupported;

    public static void Run(int rows, int cols, int k, ref double a, nint lda, ref double b, nint ldb, ref double c, nint ldc)
    {
        switch (cols)
        {
            case 1:
                ForRows<Rows1>(rows, k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            case 2:
                ForRows<Rows2>(rows, k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            case 3:
                ForRows<Rows3>(rows, k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(cols), cols, "GemmDot256: a tile has 1 to 3 columns.");
        }
    }

    private static void ForRows<TCols>(int rows, int k, ref double a, nint lda, ref double b, nint ldb, ref double c, nint ldc)
        where TCols : struct, IGemmRows
    {
        switch (rows)
        {
            case 1:
                Tile<Rows1, TCols>(k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            case 2:
                Tile<Rows2, TCols>(k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            case 3:
                Tile<Rows3, TCols>(k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rows), rows, "GemmDot256: a tile has 1 to 3 rows.");
        }
    }

    /// <summary>C[r, j] = sum over p of A[r, p] * Bt[j, p]: vector partial sums over p, reduced once at the end, then the scalar tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows, TCols>(int k, ref double a, nint lda, ref double b, nint ldb, ref double c, nint ldc)
        where TRows : struct, IGemmRows
        where TCols : struct, IGemmRows
    {
        var rowCount = TRows.Count;
        var colCount = TCols.Count;
        var zero = Vector256<double>.Zero;
        Vector256<double> s00 = zero, s01 = zero, s02 = zero, s10 = zero, s11 = zero, s12 = zero, s20 = zero, s21 = zero;
        Vector256<double> s22 = zero;
        var vectorEnd = k - k % 4;
        for (nint p = 0; p < vectorEnd; p += 4)
        {
            var b0 = Vector256.LoadUnsafe(ref b, (nuint)p);
            var b1 = colCount > 1 ? Vector256.LoadUnsafe(ref Unsafe.Add(ref b, 1 * ldb + p)) : zero;
            var b2 = colCount > 2 ? Vector256.LoadUnsafe(ref Unsafe.Add(ref b, 2 * ldb + p)) : zero;

            {
                var x0 = Vector256.LoadUnsafe(ref a, (nuint)p);
                s00 = Fma.MultiplyAdd(x0, b0, s00);
                if (colCount > 1)
                {
                    s01 = Fma.MultiplyAdd(x0, b1, s01);
                }

                if (colCount > 2)
                {
                    s02 = Fma.MultiplyAdd(x0, b2, s02);
                }
            }

            if (rowCount > 1)
            {
                var x1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref a, 1 * lda + p));
                s10 = Fma.MultiplyAdd(x1, b0, s10);
                if (colCount > 1)
                {
                    s11 = Fma.MultiplyAdd(x1, b1, s11);
                }

                if (colCount > 2)
                {
                    s12 = Fma.MultiplyAdd(x1, b2, s12);
                }
            }

            if (rowCount > 2)
            {
                var x2 = Vector256.LoadUnsafe(ref Unsafe.Add(ref a, 2 * lda + p));
                s20 = Fma.MultiplyAdd(x2, b0, s20);
                if (colCount > 1)
                {
                    s21 = Fma.MultiplyAdd(x2, b1, s21);
                }

                if (colCount > 2)
                {
                    s22 = Fma.MultiplyAdd(x2, b2, s22);
                }
            }
        }

        {
            Finish(ref Unsafe.Add(ref c, 0 * ldc + 0), s00, k, vectorEnd, ref Unsafe.Add(ref a, 0 * lda), ref Unsafe.Add(ref b, 0 * ldb));
            if (colCount > 1)
            {
                Finish(ref Unsafe.Add(ref c, 0 * ldc + 1), s01, k, vectorEnd, ref Unsafe.Add(ref a, 0 * lda), ref Unsafe.Add(ref b, 1 * ldb));
            }

            if (colCount > 2)
            {
                Finish(ref Unsafe.Add(ref c, 0 * ldc + 2), s02, k, vectorEnd, ref Unsafe.Add(ref a, 0 * lda), ref Unsafe.Add(ref b, 2 * ldb));
            }
        }

        if (rowCount > 1)
        {
            Finish(ref Unsafe.Add(ref c, 1 * ldc + 0), s10, k, vectorEnd, ref Unsafe.Add(ref a, 1 * lda), ref Unsafe.Add(ref b, 0 * ldb));
            if (colCount > 1)
            {
                Finish(ref Unsafe.Add(ref c, 1 * ldc + 1), s11, k, vectorEnd, ref Unsafe.Add(ref a, 1 * lda), ref Unsafe.Add(ref b, 1 * ldb));
            }

            if (colCount > 2)
            {
                Finish(ref Unsafe.Add(ref c, 1 * ldc + 2), s12, k, vectorEnd, ref Unsafe.Add(ref a, 1 * lda), ref Unsafe.Add(ref b, 2 * ldb));
            }
        }

        if (rowCount > 2)
        {
            Finish(ref Unsafe.Add(ref c, 2 * ldc + 0), s20, k, vectorEnd, ref Unsafe.Add(ref a, 2 * lda), ref Unsafe.Add(ref b, 0 * ldb));
            if (colCount > 1)
            {
                Finish(ref Unsafe.Add(ref c, 2 * ldc + 1), s21, k, vectorEnd, ref Unsafe.Add(ref a, 2 * lda), ref Unsafe.Add(ref b, 1 * ldb));
            }

            if (colCount > 2)
            {
                Finish(ref Unsafe.Add(ref c, 2 * ldc + 2), s22, k, vectorEnd, ref Unsafe.Add(ref a, 2 * lda), ref Unsafe.Add(ref b, 2 * ldb));
            }
        }
    }

    /// <summary>Reduces the partial sums, adds the last k % 4 products in order, stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(ref double c, Vector256<double> partial, int k, int vectorEnd, ref double a, ref double b)
    {
        var sum = Vector256.Sum(partial);
        for (var p = vectorEnd; p < k; p++)
        {
            sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a, p), Unsafe.Add(ref b, p), sum);
        }

        c = sum;
    }
}
