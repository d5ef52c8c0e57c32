using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// Dot-product tiles eight rows of Bt wide, for the full column groups of <see cref="GemmTransposedB{TDot}"/> on
/// AVX-512 (G x W.T in a backward pass, e.g. (5, 128) x (128, 784)): up to 3 rows of A against 8 rows of Bt, 24
/// partial sums. Eight partial sums are reduced together by a transposing tree into one vector of eight results
/// (21 shuffles and adds for eight, where eight <see cref="Vector512.Sum{T}(Vector512{T})"/> take about 50), stored at
/// once. `Benchmarks matmul --shape 5x128x784` (HW3's dX = G W1ᵀ): 17.0 -> 15.3-16.0 µs; `Benchmarks mlp-step`
/// alternated three times with the four-wide tiles, 2026-12-07: the first layer's backward pass 21.6-22.3 -> 20.3-21.3
/// µs, the step 74.6-76.6 -> 71.7-74.6 µs.
/// </summary>
/// <remarks>
/// Bits: the tree adds lanes as <see cref="Vector512.Sum{T}(Vector512{T})"/> does on x64,
/// ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)), and the last k % 8 products are then added in order with a
/// fused multiply-add, as <see cref="GemmDot512"/> does: every element gets <see cref="GemmDot512"/>'s bits
/// (<c>MatMulKernelTests</c>).
/// </remarks>
internal static class GemmDot512Wide
{
    /// <summary>Rows of Bt (columns of C) per tile.</summary>
    public const int Cols = 8;

    /// <summary>Most rows of A per tile.</summary>
    public const int Rows = 3;

    /// <summary>C[r, 0..7] = sum over p of A[r, p] * Bt[j, p] for r below <paramref name="rows"/> (1 to 3).</summary>
    public static void Run(int rows, int k, ref double a, nint lda, ref double b, nint ldb, ref double c, nint ldc)
    {
        switch (rows)
        {
            case 1:
                Tile<Rows1>(k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            case 2:
                Tile<Rows2>(k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            case 3:
                Tile<Rows3>(k, ref a, lda, ref b, ldb, ref c, ldc);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rows), rows, "GemmDot512Wide: a tile has 1 to 3 rows.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows>(int k, ref double a, nint lda, ref double b, nint ldb, ref double c, nint ldc)
        where TRows : struct, IGemmRows
    {
        var rowCount = TRows.Count;
        var zero = Vector512<double>.Zero;
        Vector512<double> s00 = zero, s01 = zero, s02 = zero, s03 = zero, s04 = zero, s05 = zero, s06 = zero, s07 = zero;
        Vector512<double> s10 = zero, s11 = zero, s12 = zero, s13 = zero, s14 = zero, s15 = zero, s16 = zero, s17 = zero;
        Vector512<double> s20 = zero, s21 = zero, s22 = zero, s23 = zero, s24 = zero, s25 = zero, s26 = zero, s27 = zero;
        var vectorEnd = k - k % 8;
        for (nint p = 0; p < vectorEnd; p += 8)
        {
            var x0 = Vector512.LoadUnsafe(ref a, (nuint)p);
            var x1 = rowCount > 1 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref a, lda + p)) : zero;
            var x2 = rowCount > 2 ? Vector512.LoadUnsafe(ref Unsafe.Add(ref a, 2 * lda + p)) : zero;
            var b0 = Vector512.LoadUnsafe(ref b, (nuint)p);
            s00 = Avx512F.FusedMultiplyAdd(x0, b0, s00);
            if (rowCount > 1)
            {
                s10 = Avx512F.FusedMultiplyAdd(x1, b0, s10);
            }

            if (rowCount > 2)
            {
                s20 = Avx512F.FusedMultiplyAdd(x2, b0, s20);
            }

            var b1 = Vector512.LoadUnsafe(ref Unsafe.Add(ref b, ldb + p));
            s01 = Avx512F.FusedMultiplyAdd(x0, b1, s01);
            if (rowCount > 1)
            {
                s11 = Avx512F.FusedMultiplyAdd(x1, b1, s11);
            }

            if (rowCount > 2)
            {
                s21 = Avx512F.FusedMultiplyAdd(x2, b1, s21);
            }

            var b2 = Vector512.LoadUnsafe(ref Unsafe.Add(ref b, 2 * ldb + p));
            s02 = Avx512F.FusedMultiplyAdd(x0, b2, s02);
            if (rowCount > 1)
            {
                s12 = Avx512F.FusedMultiplyAdd(x1, b2, s12);
            }

            if (rowCount > 2)
            {
                s22 = Avx512F.FusedMultiplyAdd(x2, b2, s22);
            }

            var b3 = Vector512.LoadUnsafe(ref Unsafe.Add(ref b, 3 * ldb + p));
            s03 = Avx512F.FusedMultiplyAdd(x0, b3, s03);
            if (rowCount > 1)
            {
                s13 = Avx512F.FusedMultiplyAdd(x1, b3, s13);
            }

            if (rowCount > 2)
            {
                s23 = Avx512F.FusedMultiplyAdd(x2, b3, s23);
            }

            var b4 = Vector512.LoadUnsafe(ref Unsafe.Add(ref b, 4 * ldb + p));
            s04 = Avx512F.FusedMultiplyAdd(x0, b4, s04);
            if (rowCount > 1)
            {
                s14 = Avx512F.FusedMultiplyAdd(x1, b4, s14);
            }

            if (rowCount > 2)
            {
                s24 = Avx512F.FusedMultiplyAdd(x2, b4, s24);
            }

            var b5 = Vector512.LoadUnsafe(ref Unsafe.Add(ref b, 5 * ldb + p));
            s05 = Avx512F.FusedMultiplyAdd(x0, b5, s05);
            if (rowCount > 1)
            {
                s15 = Avx512F.FusedMultiplyAdd(x1, b5, s15);
            }

            if (rowCount > 2)
            {
                s25 = Avx512F.FusedMultiplyAdd(x2, b5, s25);
            }

            var b6 = Vector512.LoadUnsafe(ref Unsafe.Add(ref b, 6 * ldb + p));
            s06 = Avx512F.FusedMultiplyAdd(x0, b6, s06);
            if (rowCount > 1)
            {
                s16 = Avx512F.FusedMultiplyAdd(x1, b6, s16);
            }

            if (rowCount > 2)
            {
                s26 = Avx512F.FusedMultiplyAdd(x2, b6, s26);
            }

            var b7 = Vector512.LoadUnsafe(ref Unsafe.Add(ref b, 7 * ldb + p));
            s07 = Avx512F.FusedMultiplyAdd(x0, b7, s07);
            if (rowCount > 1)
            {
                s17 = Avx512F.FusedMultiplyAdd(x1, b7, s17);
            }

            if (rowCount > 2)
            {
                s27 = Avx512F.FusedMultiplyAdd(x2, b7, s27);
            }
        }

        Finish(Reduce(s00, s01, s02, s03, s04, s05, s06, s07), k, vectorEnd, ref a, ref b, ldb, ref c);
        if (rowCount > 1)
        {
            Finish(Reduce(s10, s11, s12, s13, s14, s15, s16, s17), k, vectorEnd, ref Unsafe.Add(ref a, lda), ref b, ldb, ref Unsafe.Add(ref c, ldc));
        }

        if (rowCount > 2)
        {
            Finish(Reduce(s20, s21, s22, s23, s24, s25, s26, s27), k, vectorEnd, ref Unsafe.Add(ref a, 2 * lda), ref b, ldb, ref Unsafe.Add(ref c, 2 * ldc));
        }
    }

    /// <summary>
    /// Lane j of the result is the sum of vj's lanes, added as ((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7)):
    /// adjacent lanes by unpacking pairs of vectors, then 128-bit halves of 256, then 256-bit halves, each step
    /// bringing the partial sums of more vectors into one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Reduce(
        Vector512<double> v0, Vector512<double> v1, Vector512<double> v2, Vector512<double> v3,
        Vector512<double> v4, Vector512<double> v5, Vector512<double> v6, Vector512<double> v7)
    {
        // 128-bit chunk q of t01 is (v0[2q] + v0[2q+1], v1[2q] + v1[2q+1]).
        var t01 = Avx512F.UnpackLow(v0, v1) + Avx512F.UnpackHigh(v0, v1);
        var t23 = Avx512F.UnpackLow(v2, v3) + Avx512F.UnpackHigh(v2, v3);
        var t45 = Avx512F.UnpackLow(v4, v5) + Avx512F.UnpackHigh(v4, v5);
        var t67 = Avx512F.UnpackLow(v6, v7) + Avx512F.UnpackHigh(v6, v7);

        // Chunks 0..3 of s0123: (v0, v1) lanes 0-3, (v0, v1) lanes 4-7, (v2, v3) lanes 0-3, (v2, v3) lanes 4-7.
        const byte EvenChunks = 0b10_00_10_00;
        const byte OddChunks = 0b11_01_11_01;
        var s0123 = Avx512F.Shuffle4x128(t01, t23, EvenChunks) + Avx512F.Shuffle4x128(t01, t23, OddChunks);
        var s4567 = Avx512F.Shuffle4x128(t45, t67, EvenChunks) + Avx512F.Shuffle4x128(t45, t67, OddChunks);
        return Avx512F.Shuffle4x128(s0123, s4567, EvenChunks) + Avx512F.Shuffle4x128(s0123, s4567, OddChunks);
    }

    /// <summary>Adds the last k % 8 products of the row of A and each of the 8 rows of Bt in order, stores the 8 results.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(Vector512<double> sums, int k, int vectorEnd, ref double a, ref double b, nint ldb, ref double c)
    {
        for (var p = vectorEnd; p < k; p++)
        {
            ref var column = ref Unsafe.Add(ref b, p);
            var bt = Vector512.Create(
                column, Unsafe.Add(ref column, ldb), Unsafe.Add(ref column, 2 * ldb), Unsafe.Add(ref column, 3 * ldb),
                Unsafe.Add(ref column, 4 * ldb), Unsafe.Add(ref column, 5 * ldb), Unsafe.Add(ref column, 6 * ldb), Unsafe.Add(ref column, 7 * ldb));
            sums = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref a, p)), bt, sums);
        }

        sums.StoreUnsafe(ref c);
    }
}
