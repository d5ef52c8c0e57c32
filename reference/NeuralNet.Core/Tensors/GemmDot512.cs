using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// Dot-product tiles for A x Bt with few rows (G x W.T in a backward pass): up to 6 rows of A against
/// 4 rows of Bt, 24 <see cref="Vector512{T}"/> partial sums, so each row of Bt is streamed once.
/// </summary>
/// <remarks>
/// A full tile's four partial sums of a row are reduced together (<c>FinishFour</c>: one tree of 12 shuffles and adds
/// and one store for the four results, instead of a reduction and a scalar store per result), in Sum's order, so the
/// bits are a one-column tile's (<c>MatMulKernelTests</c>). With K = 128 (HW3's dX = G W1ᵀ, `Benchmarks matmul
/// --shape 5x128x784`, 2026-12-07): 17.0 -> 10.6-11.8 µs, against 12.0-18.3 µs for 3 x 8 tiles reduced eight at a
/// time (tried, alternated, not kept).
/// </remarks>
internal readonly struct GemmDot512 : IGemmDotKernel
{
    public static int Rows => 6;

    public static int Cols => 4;

    public static bool IsSupported => Avx512F.IsSupported;

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
            case 4:
                ForRows<Rows4>(rows, k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(cols), cols, "GemmDot512: a tile has 1 to 4 columns.");
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
            case 4:
                Tile<Rows4, TCols>(k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            case 5:
                Tile<Rows5, TCols>(k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            case 6:
                Tile<Rows6, TCols>(k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rows), rows, "GemmDot512: a tile has 1 to 6 rows.");
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
        var zero = Vector512<double>.Zero;
        Vector512<double> s00 = zero, s01 = zero, s02 = zero, s03 = zero, s10 = zero, s11 = zero, s12 = zero, s13 = zero;
        Vector512<double> s20 = zero, s21 = zero, s22 = zero, s23 = zero, s30 = zero, s31 = zero, s32 = zero, s33 = zero;
        Vector512<double> s40 = zero, s41 = zero, s42 = zero, s43 = zero, s50 = zero, s51 = zero, s52 = zero, s53 = zero;
        var vectorEnd = k - k % 8;
        for (nint p = 0; p < vectorEnd; p += 8)
        {
            var b0 = Vector512.LoadUnsafe(ref b, (nuint)p);
            var b1 = colCount > 1 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref b, 1 * ldb + p)) : zero;
            var b2 = colCount > 2 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref b, 2 * ldb + p)) : zero;
            var b3 = colCount > 3 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref b, 3 * ldb + p)) : zero;

            {
                var x0 = Vector512.LoadUnsafe(ref a, (nuint)p);
                s00 = Avx512F.FusedMultiplyAdd(x0, b0, s00);
                if (colCount > 1)
                {
                    s01 = Avx512F.FusedMultiplyAdd(x0, b1, s01);
                }

                if (colCount > 2)
                {
                    s02 = Avx512F.FusedMultiplyAdd(x0, b2, s02);
                }

                if (colCount > 3)
                {
                    s03 = Avx512F.FusedMultiplyAdd(x0, b3, s03);
                }
            }

            if (rowCount > 1)
            {
                var x1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 1 * lda + p));
                s10 = Avx512F.FusedMultiplyAdd(x1, b0, s10);
                if (colCount > 1)
                {
                    s11 = Avx512F.FusedMultiplyAdd(x1, b1, s11);
                }

                if (colCount > 2)
                {
                    s12 = Avx512F.FusedMultiplyAdd(x1, b2, s12);
                }

                if (colCount > 3)
                {
                    s13 = Avx512F.FusedMultiplyAdd(x1, b3, s13);
                }
            }

            if (rowCount > 2)
            {
                var x2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 2 * lda + p));
                s20 = Avx512F.FusedMultiplyAdd(x2, b0, s20);
                if (colCount > 1)
                {
                    s21 = Avx512F.FusedMultiplyAdd(x2, b1, s21);
                }

                if (colCount > 2)
                {
                    s22 = Avx512F.FusedMultiplyAdd(x2, b2, s22);
                }

                if (colCount > 3)
                {
                    s23 = Avx512F.FusedMultiplyAdd(x2, b3, s23);
                }
            }

            if (rowCount > 3)
            {
                var x3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 3 * lda + p));
                s30 = Avx512F.FusedMultiplyAdd(x3, b0, s30);
                if (colCount > 1)
                {
                    s31 = Avx512F.FusedMultiplyAdd(x3, b1, s31);
                }

                if (colCount > 2)
                {
                    s32 = Avx512F.FusedMultiplyAdd(x3, b2, s32);
                }

                if (colCount > 3)
                {
                    s33 = Avx512F.FusedMultiplyAdd(x3, b3, s33);
                }
            }

            if (rowCount > 4)
            {
                var x4 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 4 * lda + p));
                s40 = Avx512F.FusedMultiplyAdd(x4, b0, s40);
                if (colCount > 1)
                {
                    s41 = Avx512F.FusedMultiplyAdd(x4, b1, s41);
                }

                if (colCount > 2)
                {
                    s42 = Avx512F.FusedMultiplyAdd(x4, b2, s42);
                }

                if (colCount > 3)
                {
                    s43 = Avx512F.FusedMultiplyAdd(x4, b3, s43);
                }
            }

            if (rowCount > 5)
            {
                var x5 = Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 5 * lda + p));
                s50 = Avx512F.FusedMultiplyAdd(x5, b0, s50);
                if (colCount > 1)
                {
                    s51 = Avx512F.FusedMultiplyAdd(x5, b1, s51);
                }

                if (colCount > 2)
                {
                    s52 = Avx512F.FusedMultiplyAdd(x5, b2, s52);
                }

                if (colCount > 3)
                {
                    s53 = Avx512F.FusedMultiplyAdd(x5, b3, s53);
                }
            }
        }

        if (colCount == 4)
        {
            FinishFour(ref c, s00, s01, s02, s03, k, vectorEnd, ref a, ref b, ldb);
            if (rowCount > 1)
            {
                FinishFour(ref Unsafe.Add(ref c, ldc), s10, s11, s12, s13, k, vectorEnd, ref Unsafe.Add(ref a, lda), ref b, ldb);
            }

            if (rowCount > 2)
            {
                FinishFour(ref Unsafe.Add(ref c, 2 * ldc), s20, s21, s22, s23, k, vectorEnd, ref Unsafe.Add(ref a, 2 * lda), ref b, ldb);
            }

            if (rowCount > 3)
            {
                FinishFour(ref Unsafe.Add(ref c, 3 * ldc), s30, s31, s32, s33, k, vectorEnd, ref Unsafe.Add(ref a, 3 * lda), ref b, ldb);
            }

            if (rowCount > 4)
            {
                FinishFour(ref Unsafe.Add(ref c, 4 * ldc), s40, s41, s42, s43, k, vectorEnd, ref Unsafe.Add(ref a, 4 * lda), ref b, ldb);
            }

            if (rowCount > 5)
            {
                FinishFour(ref Unsafe.Add(ref c, 5 * ldc), s50, s51, s52, s53, k, vectorEnd, ref Unsafe.Add(ref a, 5 * lda), ref b, ldb);
            }

            return;
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

            if (colCount > 3)
            {
                Finish(ref Unsafe.Add(ref c, 0 * ldc + 3), s03, k, vectorEnd, ref Unsafe.Add(ref a, 0 * lda), ref Unsafe.Add(ref b, 3 * ldb));
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

            if (colCount > 3)
            {
                Finish(ref Unsafe.Add(ref c, 1 * ldc + 3), s13, k, vectorEnd, ref Unsafe.Add(ref a, 1 * lda), ref Unsafe.Add(ref b, 3 * ldb));
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

            if (colCount > 3)
            {
                Finish(ref Unsafe.Add(ref c, 2 * ldc + 3), s23, k, vectorEnd, ref Unsafe.Add(ref a, 2 * lda), ref Unsafe.Add(ref b, 3 * ldb));
            }
        }

        if (rowCount > 3)
        {
            Finish(ref Unsafe.Add(ref c, 3 * ldc + 0), s30, k, vectorEnd, ref Unsafe.Add(ref a, 3 * lda), ref Unsafe.Add(ref b, 0 * ldb));
            if (colCount > 1)
            {
                Finish(ref Unsafe.Add(ref c, 3 * ldc + 1), s31, k, vectorEnd, ref Unsafe.Add(ref a, 3 * lda), ref Unsafe.Add(ref b, 1 * ldb));
            }

            if (colCount > 2)
            {
                Finish(ref Unsafe.Add(ref c, 3 * ldc + 2), s32, k, vectorEnd, ref Unsafe.Add(ref a, 3 * lda), ref Unsafe.Add(ref b, 2 * ldb));
            }

            if (colCount > 3)
            {
                Finish(ref Unsafe.Add(ref c, 3 * ldc + 3), s33, k, vectorEnd, ref Unsafe.Add(ref a, 3 * lda), ref Unsafe.Add(ref b, 3 * ldb));
            }
        }

        if (rowCount > 4)
        {
            Finish(ref Unsafe.Add(ref c, 4 * ldc + 0), s40, k, vectorEnd, ref Unsafe.Add(ref a, 4 * lda), ref Unsafe.Add(ref b, 0 * ldb));
            if (colCount > 1)
            {
                Finish(ref Unsafe.Add(ref c, 4 * ldc + 1), s41, k, vectorEnd, ref Unsafe.Add(ref a, 4 * lda), ref Unsafe.Add(ref b, 1 * ldb));
            }

            if (colCount > 2)
            {
                Finish(ref Unsafe.Add(ref c, 4 * ldc + 2), s42, k, vectorEnd, ref Unsafe.Add(ref a, 4 * lda), ref Unsafe.Add(ref b, 2 * ldb));
            }

            if (colCount > 3)
            {
                Finish(ref Unsafe.Add(ref c, 4 * ldc + 3), s43, k, vectorEnd, ref Unsafe.Add(ref a, 4 * lda), ref Unsafe.Add(ref b, 3 * ldb));
            }
        }

        if (rowCount > 5)
        {
            Finish(ref Unsafe.Add(ref c, 5 * ldc + 0), s50, k, vectorEnd, ref Unsafe.Add(ref a, 5 * lda), ref Unsafe.Add(ref b, 0 * ldb));
            if (colCount > 1)
            {
                Finish(ref Unsafe.Add(ref c, 5 * ldc + 1), s51, k, vectorEnd, ref Unsafe.Add(ref a, 5 * lda), ref Unsafe.Add(ref b, 1 * ldb));
            }

            if (colCount > 2)
            {
                Finish(ref Unsafe.Add(ref c, 5 * ldc + 2), s52, k, vectorEnd, ref Unsafe.Add(ref a, 5 * lda), ref Unsafe.Add(ref b, 2 * ldb));
            }

            if (colCount > 3)
            {
                Finish(ref Unsafe.Add(ref c, 5 * ldc + 3), s53, k, vectorEnd, ref Unsafe.Add(ref a, 5 * lda), ref Unsafe.Add(ref b, 3 * ldb));
            }
        }
    }

    /// <summary>
    /// Four partial sums reduced together (lane j of the result is vj's sum, added as <see cref="Vector512.Sum{T}(Vector512{T})"/>
    /// adds: ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))), the last k % 8 products added in order, four results stored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FinishFour(ref double c, Vector512<double> v0, Vector512<double> v1, Vector512<double> v2, Vector512<double> v3, int k, int vectorEnd, ref double a, ref double b, nint ldb)
    {
        const byte EvenChunks = 0b10_00_10_00;
        const byte OddChunks = 0b11_01_11_01;
        var t01 = Avx512F.UnpackLow(v0, v1) + Avx512F.UnpackHigh(v0, v1);
        var t23 = Avx512F.UnpackLow(v2, v3) + Avx512F.UnpackHigh(v2, v3);
        var s = Avx512F.Shuffle4x128(t01, t23, EvenChunks) + Avx512F.Shuffle4x128(t01, t23, OddChunks);
        var sums = (Avx512F.Shuffle4x128(s, s, EvenChunks) + Avx512F.Shuffle4x128(s, s, OddChunks)).GetLower();
        for (var p = vectorEnd; p < k; p++)
        {
            ref var column = ref Unsafe.Add(ref b, p);
            var bt = Vector256.Create(column, Unsafe.Add(ref column, ldb), Unsafe.Add(ref column, 2 * ldb), Unsafe.Add(ref column, 3 * ldb));
            sums = Fma.MultiplyAdd(Vector256.Create(Unsafe.Add(ref a, p)), bt, sums);
        }

        sums.StoreUnsafe(ref c);
    }

    /// <summary>Reduces the partial sums, adds the last k % 8 products in order, stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(ref double c, Vector512<double> partial, int k, int vectorEnd, ref double a, ref double b)
    {
        var sum = Vector512.Sum(partial);
        for (var p = vectorEnd; p < k; p++)
        {
            sum = Math.FusedMultiplyAdd(Unsafe.Add(ref a, p), Unsafe.Add(ref b, p), sum);
        }

        c = sum;
    }
}
