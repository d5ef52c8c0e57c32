using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// The AVX2 register tile: up to 6 rows x 8 columns of C in 12 <see cref="Vector256{T}"/> accumulators
/// (of the 16 registers), one FMA per accumulator for every step p: C[r, 0..7] += A[r, p] * B[p, 0..7].
/// Same contract and the same per-element FMA chain as <see cref="GemmKernel512"/>; rows are addressed
/// from two bases (rows 0 and 3) plus 0, rs or 2 rs.
/// </summary>
internal readonly struct GemmKernel256 : IGemmKernel
{
    public static int Rows => 6;

    public static int Cols => 8;

    public static bool IsSupported => Fma.IsSupported && Avx.IsSupported;

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
            default:
                throw new ArgumentOutOfRangeException(nameof(rows), rows, "GemmKernel256: a tile has 1 to 6 rows.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows>(int kc, ref double a, nint rs, nint cs, ref double b, nint ldb, ref double c, nint ldc, bool accumulate)
        where TRows : struct, IGemmRows
    {
        var n = TRows.Count;
        var zero = Vector256<double>.Zero;
        Vector256<double> c0a = zero, c0b = zero, c1a = zero, c1b = zero, c2a = zero, c2b = zero;
        Vector256<double> c3a = zero, c3b = zero, c4a = zero, c4b = zero, c5a = zero, c5b = zero;
        if (accumulate)
        {
            c0a = Vector256.LoadUnsafe(ref c);
            c0b = Vector256.LoadUnsafe(ref c, 4);
            if (n > 1)
            {
                ref var row = ref Unsafe.Add(ref c, 1 * ldc);
                c1a = Vector256.LoadUnsafe(ref row);
                c1b = Vector256.LoadUnsafe(ref row, 4);
            }

            if (n > 2)
            {
                ref var row = ref Unsafe.Add(ref c, 2 * ldc);
                c2a = Vector256.LoadUnsafe(ref row);
                c2b = Vector256.LoadUnsafe(ref row, 4);
            }

            if (n > 3)
            {
                ref var row = ref Unsafe.Add(ref c, 3 * ldc);
                c3a = Vector256.LoadUnsafe(ref row);
                c3b = Vector256.LoadUnsafe(ref row, 4);
            }

            if (n > 4)
            {
                ref var row = ref Unsafe.Add(ref c, 4 * ldc);
                c4a = Vector256.LoadUnsafe(ref row);
                c4b = Vector256.LoadUnsafe(ref row, 4);
            }

            if (n > 5)
            {
                ref var row = ref Unsafe.Add(ref c, 5 * ldc);
                c5a = Vector256.LoadUnsafe(ref row);
                c5b = Vector256.LoadUnsafe(ref row, 4);
            }
        }

        ref var a0 = ref a;
        ref var a3 = ref n > 3 ? ref Unsafe.Add(ref a, 3 * rs) : ref a;
        var rs2 = rs + rs;
        var steps = kc;
        while (true)
        {
            var b0 = Vector256.LoadUnsafe(ref b);
            var b1 = Vector256.LoadUnsafe(ref b, 4);
            var x0 = Vector256.Create(a0);
            c0a = Fma.MultiplyAdd(x0, b0, c0a);
            c0b = Fma.MultiplyAdd(x0, b1, c0b);
            if (n > 1)
            {
                var x1 = Vector256.Create(Unsafe.Add(ref a0, rs));
                c1a = Fma.MultiplyAdd(x1, b0, c1a);
                c1b = Fma.MultiplyAdd(x1, b1, c1b);
            }

            if (n > 2)
            {
                var x2 = Vector256.Create(Unsafe.Add(ref a0, rs2));
                c2a = Fma.MultiplyAdd(x2, b0, c2a);
                c2b = Fma.MultiplyAdd(x2, b1, c2b);
            }

            if (n > 3)
            {
                var x3 = Vector256.Create(a3);
                c3a = Fma.MultiplyAdd(x3, b0, c3a);
                c3b = Fma.MultiplyAdd(x3, b1, c3b);
            }

            if (n > 4)
            {
                var x4 = Vector256.Create(Unsafe.Add(ref a3, rs));
                c4a = Fma.MultiplyAdd(x4, b0, c4a);
                c4b = Fma.MultiplyAdd(x4, b1, c4b);
            }

            if (n > 5)
            {
                var x5 = Vector256.Create(Unsafe.Add(ref a3, rs2));
                c5a = Fma.MultiplyAdd(x5, b0, c5a);
                c5b = Fma.MultiplyAdd(x5, b1, c5b);
            }

            if (--steps == 0)
            {
                break;
            }

            // Advancing after the exit test keeps every byref inside the arrays.
            a0 = ref Unsafe.Add(ref a0, cs);
            a3 = ref Unsafe.Add(ref a3, cs);
            b = ref Unsafe.Add(ref b, ldb);
        }

        c0a.StoreUnsafe(ref c);
        c0b.StoreUnsafe(ref c, 4);
        if (n > 1)
        {
            ref var row = ref Unsafe.Add(ref c, 1 * ldc);
            c1a.StoreUnsafe(ref row);
            c1b.StoreUnsafe(ref row, 4);
        }

        if (n > 2)
        {
            ref var row = ref Unsafe.Add(ref c, 2 * ldc);
            c2a.StoreUnsafe(ref row);
            c2b.StoreUnsafe(ref row, 4);
        }

        if (n > 3)
        {
            ref var row = ref Unsafe.Add(ref c, 3 * ldc);
            c3a.StoreUnsafe(ref row);
            c3b.StoreUnsafe(ref row, 4);
        }

        if (n > 4)
        {
            ref var row = ref Unsafe.Add(ref c, 4 * ldc);
            c4a.StoreUnsafe(ref row);
            c4b.StoreUnsafe(ref row, 4);
        }

        if (n > 5)
        {
            ref var row = ref Unsafe.Add(ref c, 5 * ldc);
            c5a.StoreUnsafe(ref row);
            c5b.StoreUnsafe(ref row, 4);
        }
    }
}
