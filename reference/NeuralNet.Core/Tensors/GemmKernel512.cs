using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// The AVX-512 register tile: up to 12 rows x 16 columns of C held in 24 <see cref="Vector512{T}"/>
/// accumulators (of the 32 registers), updated by one FMA per accumulator for every step p of the
/// inner dimension: C[r, 0..15] += A[r, p] * B[p, 0..15].
/// </summary>
/// <remarks>
/// Each element of C is the fused chain c = fma(a[r, p], b[p, j], c) for p = 0, 1, ..., K - 1 in order,
/// whatever the blocking, the edge handling or the thread that computes it; that is what makes the
/// product bit-for-bit deterministic. A is read in place through its strides (element (r, p) at
/// <c>r * rs + p * cs</c>); rows r are addressed from four bases (rows 0, 3, 6, 9) plus 0, rs or 2 rs
/// so the loop needs few general registers. B rows are 16 contiguous values, <c>ldb</c> apart (a packed
/// strip or a row-major matrix read directly).
/// </remarks>
internal readonly struct GemmKernel512 : IGemmKernel
{
    public static int Rows => 12;

    public static int Cols => 16;

    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>Runs the tile for <paramref name="rows"/> (1 to 12) rows of A.</summary>
    public static void Run(int rows, int kc, ref double a, nint rs, nint cs, ref double b, nint ldb, ref double c, nint ldc, bool accumulate)
    {
        switch (rows)
        {
            case 1:
                Tile<Rows1>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 2:
                Tile<Rows2>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 3:
                Tile<Rows3>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 4:
                Tile<Rows4>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 5:
                Tile<Rows5>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 6:
                Tile<Rows6>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 7:
                Tile<Rows7>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 8:
                Tile<Rows8>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 9:
                Tile<Rows9>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 10:
                Tile<Rows10>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 11:
                Tile<Rows11>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            case 12:
                Tile<Rows12>(kc, ref a, rs, cs, ref b, ldb, ref c, ldc, accumulate);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rows), rows, "GemmKernel512: a tile has 1 to 12 rows.");
        }
    }

    /// <summary>C[0..R, 0..16] (+)= A[0..R, 0..kc] x B[0..kc, 0..16]; kc must be at least 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows>(int kc, ref double a, nint rs, nint cs, ref double b, nint ldb, ref double c, nint ldc, bool accumulate)
        where TRows : struct, IGemmRows
    {
        var n = TRows.Count;
        var zero = Vector512<double>.Zero;
        Vector512<double> c0a = zero, c0b = zero, c1a = zero, c1b = zero, c2a = zero, c2b = zero, c3a = zero, c3b = zero;
        Vector512<double> c4a = zero, c4b = zero, c5a = zero, c5b = zero, c6a = zero, c6b = zero, c7a = zero, c7b = zero;
        Vector512<double> c8a = zero, c8b = zero, c9a = zero, c9b = zero, c10a = zero, c10b = zero, c11a = zero, c11b = zero;
        if (accumulate)
        {
            c0a = Vector512.LoadUnsafe(ref c);
            c0b = Vector512.LoadUnsafe(ref c, 8);
            if (n > 1)
            {
                ref var row = ref Unsafe.Add(ref c, 1 * ldc);
                c1a = Vector512.LoadUnsafe(ref row);
                c1b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 2)
            {
                ref var row = ref Unsafe.Add(ref c, 2 * ldc);
                c2a = Vector512.LoadUnsafe(ref row);
                c2b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 3)
            {
                ref var row = ref Unsafe.Add(ref c, 3 * ldc);
                c3a = Vector512.LoadUnsafe(ref row);
                c3b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 4)
            {
                ref var row = ref Unsafe.Add(ref c, 4 * ldc);
                c4a = Vector512.LoadUnsafe(ref row);
                c4b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 5)
            {
                ref var row = ref Unsafe.Add(ref c, 5 * ldc);
                c5a = Vector512.LoadUnsafe(ref row);
                c5b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 6)
            {
                ref var row = ref Unsafe.Add(ref c, 6 * ldc);
                c6a = Vector512.LoadUnsafe(ref row);
                c6b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 7)
            {
                ref var row = ref Unsafe.Add(ref c, 7 * ldc);
                c7a = Vector512.LoadUnsafe(ref row);
                c7b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 8)
            {
                ref var row = ref Unsafe.Add(ref c, 8 * ldc);
                c8a = Vector512.LoadUnsafe(ref row);
                c8b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 9)
            {
                ref var row = ref Unsafe.Add(ref c, 9 * ldc);
                c9a = Vector512.LoadUnsafe(ref row);
                c9b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 10)
            {
                ref var row = ref Unsafe.Add(ref c, 10 * ldc);
                c10a = Vector512.LoadUnsafe(ref row);
                c10b = Vector512.LoadUnsafe(ref row, 8);
            }

            if (n > 11)
            {
                ref var row = ref Unsafe.Add(ref c, 11 * ldc);
                c11a = Vector512.LoadUnsafe(ref row);
                c11b = Vector512.LoadUnsafe(ref row, 8);
            }
        }

        ref var a0 = ref a;
        ref var a3 = ref n > 3 ? ref Unsafe.Add(ref a, 3 * rs) : ref a;
        ref var a6 = ref n > 6 ? ref Unsafe.Add(ref a, 6 * rs) : ref a;
        ref var a9 = ref n > 9 ? ref Unsafe.Add(ref a, 9 * rs) : ref a;
        var rs2 = rs + rs;
        var steps = kc;
        while (true)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            var b1 = Vector512.LoadUnsafe(ref b, 8);
            var x0 = Vector512.Create(a0);
            c0a = Avx512F.FusedMultiplyAdd(x0, b0, c0a);
            c0b = Avx512F.FusedMultiplyAdd(x0, b1, c0b);
            if (n > 1)
            {
                var x1 = Vector512.Create(Unsafe.Add(ref a0, rs));
                c1a = Avx512F.FusedMultiplyAdd(x1, b0, c1a);
                c1b = Avx512F.FusedMultiplyAdd(x1, b1, c1b);
            }

            if (n > 2)
            {
                var x2 = Vector512.Create(Unsafe.Add(ref a0, rs2));
                c2a = Avx512F.FusedMultiplyAdd(x2, b0, c2a);
                c2b = Avx512F.FusedMultiplyAdd(x2, b1, c2b);
            }

            if (n > 3)
            {
                var x3 = Vector512.Create(a3);
                c3a = Avx512F.FusedMultiplyAdd(x3, b0, c3a);
                c3b = Avx512F.FusedMultiplyAdd(x3, b1, c3b);
            }

            if (n > 4)
            {
                var x4 = Vector512.Create(Unsafe.Add(ref a3, rs));
                c4a = Avx512F.FusedMultiplyAdd(x4, b0, c4a);
                c4b = Avx512F.FusedMultiplyAdd(x4, b1, c4b);
            }

            if (n > 5)
            {
                var x5 = Vector512.Create(Unsafe.Add(ref a3, rs2));
                c5a = Avx512F.FusedMultiplyAdd(x5, b0, c5a);
                c5b = Avx512F.FusedMultiplyAdd(x5, b1, c5b);
            }

            if (n > 6)
            {
                var x6 = Vector512.Create(a6);
                c6a = Avx512F.FusedMultiplyAdd(x6, b0, c6a);
                c6b = Avx512F.FusedMultiplyAdd(x6, b1, c6b);
            }

            if (n > 7)
            {
                var x7 = Vector512.Create(Unsafe.Add(ref a6, rs));
                c7a = Avx512F.FusedMultiplyAdd(x7, b0, c7a);
                c7b = Avx512F.FusedMultiplyAdd(x7, b1, c7b);
            }

            if (n > 8)
            {
                var x8 = Vector512.Create(Unsafe.Add(ref a6, rs2));
                c8a = Avx512F.FusedMultiplyAdd(x8, b0, c8a);
                c8b = Avx512F.FusedMultiplyAdd(x8, b1, c8b);
            }

            if (n > 9)
            {
                var x9 = Vector512.Create(a9);
                c9a = Avx512F.FusedMultiplyAdd(x9, b0, c9a);
                c9b = Avx512F.FusedMultiplyAdd(x9, b1, c9b);
            }

            if (n > 10)
            {
                var x10 = Vector512.Create(Unsafe.Add(ref a9, rs));
                c10a = Avx512F.FusedMultiplyAdd(x10, b0, c10a);
                c10b = Avx512F.FusedMultiplyAdd(x10, b1, c10b);
            }

            if (n > 11)
            {
                var x11 = Vector512.Create(Unsafe.Add(ref a9, rs2));
                c11a = Avx512F.FusedMultiplyAdd(x11, b0, c11a);
                c11b = Avx512F.FusedMultiplyAdd(x11, b1, c11b);
            }

            if (--steps == 0)
            {
                break;
            }

            // Advancing after the exit test keeps every byref inside the arrays.
            a0 = ref Unsafe.Add(ref a0, cs);
            a3 = ref Unsafe.Add(ref a3, cs);
            a6 = ref Unsafe.Add(ref a6, cs);
            a9 = ref Unsafe.Add(ref a9, cs);
            b = ref Unsafe.Add(ref b, ldb);
        }

        c0a.StoreUnsafe(ref c);
        c0b.StoreUnsafe(ref c, 8);
        if (n > 1)
        {
            ref var row = ref Unsafe.Add(ref c, 1 * ldc);
            c1a.StoreUnsafe(ref row);
            c1b.StoreUnsafe(ref row, 8);
        }

        if (n > 2)
        {
            ref var row = ref Unsafe.Add(ref c, 2 * ldc);
            c2a.StoreUnsafe(ref row);
            c2b.StoreUnsafe(ref row, 8);
        }

        if (n > 3)
        {
            ref var row = ref Unsafe.Add(ref c, 3 * ldc);
            c3a.StoreUnsafe(ref row);
            c3b.StoreUnsafe(ref row, 8);
        }

        if (n > 4)
        {
            ref var row = ref Unsafe.Add(ref c, 4 * ldc);
            c4a.StoreUnsafe(ref row);
            c4b.StoreUnsafe(ref row, 8);
        }

        if (n > 5)
        {
            ref var row = ref Unsafe.Add(ref c, 5 * ldc);
            c5a.StoreUnsafe(ref row);
            c5b.StoreUnsafe(ref row, 8);
        }

        if (n > 6)
        {
            ref var row = ref Unsafe.Add(ref c, 6 * ldc);
            c6a.StoreUnsafe(ref row);
            c6b.StoreUnsafe(ref row, 8);
        }

        if (n > 7)
        {
            ref var row = ref Unsafe.Add(ref c, 7 * ldc);
            c7a.StoreUnsafe(ref row);
            c7b.StoreUnsafe(ref row, 8);
        }

        if (n > 8)
        {
            ref var row = ref Unsafe.Add(ref c, 8 * ldc);
            c8a.StoreUnsafe(ref row);
            c8b.StoreUnsafe(ref row, 8);
        }

        if (n > 9)
        {
            ref var row = ref Unsafe.Add(ref c, 9 * ldc);
            c9a.StoreUnsafe(ref row);
            c9b.StoreUnsafe(ref row, 8);
        }

        if (n > 10)
        {
            ref var row = ref Unsafe.Add(ref c, 10 * ldc);
            c10a.StoreUnsafe(ref row);
            c10b.StoreUnsafe(ref row, 8);
        }

        if (n > 11)
        {
            ref var row = ref Unsafe.Add(ref c, 11 * ldc);
            c11a.StoreUnsafe(ref row);
            c11b.StoreUnsafe(ref row, 8);
        }
    }
}
