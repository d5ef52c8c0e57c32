using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// The wide AVX-512 register tile: up to 6 rows x 32 columns of C in 24 <see cref="Vector512{T}"/>
/// accumulators, one FMA each per step p: C[r, 0..31] += A[r, p] * B[p, 0..31].
/// </summary>
internal readonly struct GemmKernel512Wide : IGemmKernel
{
    public static int Rows => 6;

    public static int Cols => 32;

    public static bool IsSupported => Avx512F.IsSupported;

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
                throw new ArgumentOutOfRangeException(nameof(rows), rows, "GemmKernel512Wide: a tile has 1 to 6 rows.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TRows>(int kc, ref double a, nint rs, nint cs, ref double b, nint ldb, ref double c, nint ldc, bool accumulate)
        where TRows : struct, IGemmRows
    {
        var n = TRows.Count;
        var zero = Vector512<double>.Zero;
        Vector512<double> c0a = zero, c0b = zero, c0c = zero, c0d = zero, c1a = zero, c1b = zero, c1c = zero, c1d = zero;
        Vector512<double> c2a = zero, c2b = zero, c2c = zero, c2d = zero, c3a = zero, c3b = zero, c3c = zero, c3d = zero;
        Vector512<double> c4a = zero, c4b = zero, c4c = zero, c4d = zero, c5a = zero, c5b = zero, c5c = zero, c5d = zero;
        if (accumulate)
        {
            c0a = Vector512.LoadUnsafe(ref c);
            c0b = Vector512.LoadUnsafe(ref c, 8);
            c0c = Vector512.LoadUnsafe(ref c, 16);
            c0d = Vector512.LoadUnsafe(ref c, 24);

            if (n > 1)
            {
                ref var row = ref Unsafe.Add(ref c, 1 * ldc);
                c1a = Vector512.LoadUnsafe(ref row);
                c1b = Vector512.LoadUnsafe(ref row, 8);
                c1c = Vector512.LoadUnsafe(ref row, 16);
                c1d = Vector512.LoadUnsafe(ref row, 24);
            }

            if (n > 2)
            {
                ref var row = ref Unsafe.Add(ref c, 2 * ldc);
                c2a = Vector512.LoadUnsafe(ref row);
                c2b = Vector512.LoadUnsafe(ref row, 8);
                c2c = Vector512.LoadUnsafe(ref row, 16);
                c2d = Vector512.LoadUnsafe(ref row, 24);
            }

            if (n > 3)
            {
                ref var row = ref Unsafe.Add(ref c, 3 * ldc);
                c3a = Vector512.LoadUnsafe(ref row);
                c3b = Vector512.LoadUnsafe(ref row, 8);
                c3c = Vector512.LoadUnsafe(ref row, 16);
                c3d = Vector512.LoadUnsafe(ref row, 24);
            }

            if (n > 4)
            {
                ref var row = ref Unsafe.Add(ref c, 4 * ldc);
                c4a = Vector512.LoadUnsafe(ref row);
                c4b = Vector512.LoadUnsafe(ref row, 8);
                c4c = Vector512.LoadUnsafe(ref row, 16);
                c4d = Vector512.LoadUnsafe(ref row, 24);
            }

            if (n > 5)
            {
                ref var row = ref Unsafe.Add(ref c, 5 * ldc);
                c5a = Vector512.LoadUnsafe(ref row);
                c5b = Vector512.LoadUnsafe(ref row, 8);
                c5c = Vector512.LoadUnsafe(ref row, 16);
                c5d = Vector512.LoadUnsafe(ref row, 24);
            }
        }

        ref var a0 = ref a;
        ref var a3 = ref n > 3 ? ref Unsafe.Add(ref a, 3 * rs) : ref a;
        var rs2 = rs + rs;
        var steps = kc;
        while (true)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            var b1 = Vector512.LoadUnsafe(ref b, 8);
            var b2 = Vector512.LoadUnsafe(ref b, 16);
            var b3 = Vector512.LoadUnsafe(ref b, 24);
            var x0 = Vector512.Create(a0);
            c0a = Avx512F.FusedMultiplyAdd(x0, b0, c0a);
            c0b = Avx512F.FusedMultiplyAdd(x0, b1, c0b);
            c0c = Avx512F.FusedMultiplyAdd(x0, b2, c0c);
            c0d = Avx512F.FusedMultiplyAdd(x0, b3, c0d);

            if (n > 1)
            {
                var x1 = Vector512.Create(Unsafe.Add(ref a0, rs));
                c1a = Avx512F.FusedMultiplyAdd(x1, b0, c1a);
                c1b = Avx512F.FusedMultiplyAdd(x1, b1, c1b);
                c1c = Avx512F.FusedMultiplyAdd(x1, b2, c1c);
                c1d = Avx512F.FusedMultiplyAdd(x1, b3, c1d);
            }

            if (n > 2)
            {
                var x2 = Vector512.Create(Unsafe.Add(ref a0, rs2));
                c2a = Avx512F.FusedMultiplyAdd(x2, b0, c2a);
                c2b = Avx512F.FusedMultiplyAdd(x2, b1, c2b);
                c2c = Avx512F.FusedMultiplyAdd(x2, b2, c2c);
                c2d = Avx512F.FusedMultiplyAdd(x2, b3, c2d);
            }

            if (n > 3)
            {
                var x3 = Vector512.Create(a3);
                c3a = Avx512F.FusedMultiplyAdd(x3, b0, c3a);
                c3b = Avx512F.FusedMultiplyAdd(x3, b1, c3b);
                c3c = Avx512F.FusedMultiplyAdd(x3, b2, c3c);
                c3d = Avx512F.FusedMultiplyAdd(x3, b3, c3d);
            }

            if (n > 4)
            {
                var x4 = Vector512.Create(Unsafe.Add(ref a3, rs));
                c4a = Avx512F.FusedMultiplyAdd(x4, b0, c4a);
                c4b = Avx512F.FusedMultiplyAdd(x4, b1, c4b);
                c4c = Avx512F.FusedMultiplyAdd(x4, b2, c4c);
                c4d = Avx512F.FusedMultiplyAdd(x4, b3, c4d);
            }

            if (n > 5)
            {
                var x5 = Vector512.Create(Unsafe.Add(ref a3, rs2));
                c5a = Avx512F.FusedMultiplyAdd(x5, b0, c5a);
                c5b = Avx512F.FusedMultiplyAdd(x5, b1, c5b);
                c5c = Avx512F.FusedMultiplyAdd(x5, b2, c5c);
                c5d = Avx512F.FusedMultiplyAdd(x5, b3, c5d);
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
        c0b.StoreUnsafe(ref c, 8);
        c0c.StoreUnsafe(ref c, 16);
        c0d.StoreUnsafe(ref c, 24);

        if (n > 1)
        {
            ref var row = ref Unsafe.Add(ref c, 1 * ldc);
            c1a.StoreUnsafe(ref row);
            c1b.StoreUnsafe(ref row, 8);
            c1c.StoreUnsafe(ref row, 16);
            c1d.StoreUnsafe(ref row, 24);
        }

        if (n > 2)
        {
            ref var row = ref Unsafe.Add(ref c, 2 * ldc);
            c2a.StoreUnsafe(ref row);
            c2b.StoreUnsafe(ref row, 8);
            c2c.StoreUnsafe(ref row, 16);
            c2d.StoreUnsafe(ref row, 24);
        }

        if (n > 3)
        {
            ref var row = ref Unsafe.Add(ref c, 3 * ldc);
            c3a.StoreUnsafe(ref row);
            c3b.StoreUnsafe(ref row, 8);
            c3c.StoreUnsafe(ref row, 16);
            c3d.StoreUnsafe(ref row, 24);
        }

        if (n > 4)
        {
            ref var row = ref Unsafe.Add(ref c, 4 * ldc);
            c4a.StoreUnsafe(ref row);
            c4b.StoreUnsafe(ref row, 8);
            c4c.StoreUnsafe(ref row, 16);
            c4d.StoreUnsafe(ref row, 24);
        }

        if (n > 5)
        {
            ref var row = ref Unsafe.Add(ref c, 5 * ldc);
            c5a.StoreUnsafe(ref row);
            c5b.StoreUnsafe(ref row, 8);
            c5c.StoreUnsafe(ref row, 16);
            c5d.StoreUnsafe(ref row, 24);
        }
    }
}
