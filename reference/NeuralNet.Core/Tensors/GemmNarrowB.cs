using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet;

/// <summary>
/// The AVX-512 path for a small B narrower than one 16-column register tile (at most <see cref="MaxDepth"/> x
/// <see cref="MaxCols"/>), such as the output layer's weight gradient Hᵀ G, (1000, 5) x (5, 10): B is copied, padded
/// with zeros to one or two whole 8-lane vectors a row, into a stack buffer that stays in L1, and C is computed four
/// rows at a time (two accumulators a row) or eight (one) straight from A, storing only the first n lanes: no packing
/// of A and no 12 x 16 tile left partly empty. `Benchmarks matmul --shape 1000x5x10`: 6.0-6.3 -> 2.9-3.0 us (the
/// blocked path packed A and B for a product of 50,000 multiply-adds). A 16-column B fills the blocked path's tile,
/// which is faster there (10,000 x 16 x 16: about 65-78 us against 95-130 us this way, scratch timing). Without
/// AVX-512 these products take the blocked path (`--isa avx2`: 7.5 us for the product above).
/// </summary>
/// <remarks>
/// Each element of C is the chain c = fma(a[i, p], b[p, j], c) from zero for p = 0 .. K - 1 in order, as on the other
/// paths, so the bits are theirs. A is read in place through its strides.
/// </remarks>
internal static class GemmNarrowB
{
    /// <summary>Most rows of B (the inner dimension K) this path takes.</summary>
    public const int MaxDepth = 16;

    /// <summary>Most columns of B (and C) this path takes.</summary>
    public const int MaxCols = 15;

    /// <summary>
    /// Whether this path takes A x B: AVX-512, B at most <see cref="MaxDepth"/> x <see cref="MaxCols"/>, and not few
    /// enough rows of A to stream a row-major B through the few-rows path (<see cref="GemmSmallRows{TKernel}"/>).
    /// </summary>
    public static bool Takes(GemmOperand a, GemmOperand b) =>
        Avx512F.IsSupported && a.Cols <= MaxDepth && b.Cols <= MaxCols && !(a.Rows <= GemmKernel512.Rows && b.ColStride == 1);

    /// <summary>C (m, n) = A (m, k) x B (k, n), row-major with row stride <paramref name="ldc"/>, where <see cref="Takes"/> holds; B in any layout.</summary>
    public static void Multiply(GemmOperand a, GemmOperand b, double[] c, int cOffset, int ldc, int workers)
    {
        var (m, k, n) = (a.Rows, a.Cols, b.Cols);
        // One accumulator a row each element of A is broadcast to, rather than one per 8-, 4-, 2- and 1-lane piece of
        // the row: against such pieces, one process, three rounds, (1000, 5) x (5, 10) 2.9-3.1 -> 2.7-2.8 us (once 4.2
        // against 3.8: this machine's noise), x (5, 15) 6.0-6.7 -> 2.9-4.4 us.
        var width = n <= 8 ? 8 : 16;
        if (workers <= 1 || m < 64 * workers)
        {
            Span<double> local = stackalloc double[k * width];
            Pad(b, local, width);
            Rows(a, local, width, n, c, cOffset, ldc, 0, m);
            return;
        }

        var padded = new double[k * width];
        Pad(b, padded, width);
        Parallel.For(0, workers, w => Rows(a, padded, width, n, c, cOffset, ldc, GemmPartition.Start(m, workers, w), GemmPartition.Start(m, workers, w + 1)));
    }

    private static void Pad(GemmOperand b, Span<double> padded, int width)
    {
        padded.Clear();
        for (var p = 0; p < b.Rows; p++)
        {
            for (var j = 0; j < b.Cols; j++)
            {
                padded[p * width + j] = b.At(p, j);
            }
        }
    }

    /// <summary>Rows i0 .. i1 of C from B padded to <paramref name="width"/> (8 or 16) columns: four rows at a time with two vectors a row, eight with one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows(GemmOperand a, ReadOnlySpan<double> padded, int width, int n, double[] c, int cOffset, int ldc, int i0, int i1)
    {
        var k = a.Cols;
        nint rs = a.RowStride;
        nint cs = a.ColStride;
        ref var b = ref MemoryMarshal.GetReference(padded);
        var i = i0;
        if (width == 16)
        {
            var rest = n - 8;
            for (; i + 4 <= i1; i += 4)
            {
                ref var a0 = ref a.At(i, 0);
                var zero = Vector512<double>.Zero;
                Vector512<double> c0 = zero, c1 = zero, c2 = zero, c3 = zero, d0 = zero, d1 = zero, d2 = zero, d3 = zero;
                for (var p = 0; p < k; p++)
                {
                    var left = Vector512.LoadUnsafe(ref b, (nuint)(p * 16));
                    var right = Vector512.LoadUnsafe(ref b, (nuint)(p * 16 + 8));
                    ref var ap = ref Unsafe.Add(ref a0, p * cs);
                    var s = Vector512.Create(ap);
                    c0 = Avx512F.FusedMultiplyAdd(s, left, c0);
                    d0 = Avx512F.FusedMultiplyAdd(s, right, d0);
                    s = Vector512.Create(Unsafe.Add(ref ap, rs));
                    c1 = Avx512F.FusedMultiplyAdd(s, left, c1);
                    d1 = Avx512F.FusedMultiplyAdd(s, right, d1);
                    s = Vector512.Create(Unsafe.Add(ref ap, 2 * rs));
                    c2 = Avx512F.FusedMultiplyAdd(s, left, c2);
                    d2 = Avx512F.FusedMultiplyAdd(s, right, d2);
                    s = Vector512.Create(Unsafe.Add(ref ap, 3 * rs));
                    c3 = Avx512F.FusedMultiplyAdd(s, left, c3);
                    d3 = Avx512F.FusedMultiplyAdd(s, right, d3);
                }

                ref var row = ref c[cOffset + i * ldc];
                c0.StoreUnsafe(ref row);
                StoreFirst(d0, ref Unsafe.Add(ref row, 8), rest);
                row = ref Unsafe.Add(ref row, ldc);
                c1.StoreUnsafe(ref row);
                StoreFirst(d1, ref Unsafe.Add(ref row, 8), rest);
                row = ref Unsafe.Add(ref row, ldc);
                c2.StoreUnsafe(ref row);
                StoreFirst(d2, ref Unsafe.Add(ref row, 8), rest);
                row = ref Unsafe.Add(ref row, ldc);
                c3.StoreUnsafe(ref row);
                StoreFirst(d3, ref Unsafe.Add(ref row, 8), rest);
            }

            for (; i < i1; i++)
            {
                ref var ai = ref a.At(i, 0);
                Vector512<double> c0 = Vector512<double>.Zero, d0 = Vector512<double>.Zero;
                for (var p = 0; p < k; p++)
                {
                    var s = Vector512.Create(Unsafe.Add(ref ai, p * cs));
                    c0 = Avx512F.FusedMultiplyAdd(s, Vector512.LoadUnsafe(ref b, (nuint)(p * 16)), c0);
                    d0 = Avx512F.FusedMultiplyAdd(s, Vector512.LoadUnsafe(ref b, (nuint)(p * 16 + 8)), d0);
                }

                ref var row = ref c[cOffset + i * ldc];
                c0.StoreUnsafe(ref row);
                StoreFirst(d0, ref Unsafe.Add(ref row, 8), rest);
            }

            return;
        }

        for (; i + 8 <= i1; i += 8)
        {
            ref var a0 = ref a.At(i, 0);
            var zero = Vector512<double>.Zero;
            Vector512<double> c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero, c5 = zero, c6 = zero, c7 = zero;
            for (var p = 0; p < k; p++)
            {
                var bp = Vector512.LoadUnsafe(ref b, (nuint)(p * 8));
                ref var ap = ref Unsafe.Add(ref a0, p * cs);
                c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap), bp, c0);
                c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, rs)), bp, c1);
                c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 2 * rs)), bp, c2);
                c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 3 * rs)), bp, c3);
                c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 4 * rs)), bp, c4);
                c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 5 * rs)), bp, c5);
                c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 6 * rs)), bp, c6);
                c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ap, 7 * rs)), bp, c7);
            }

            ref var row = ref c[cOffset + i * ldc];
            StoreFirst(c0, ref row, n);
            StoreFirst(c1, ref Unsafe.Add(ref row, ldc), n);
            StoreFirst(c2, ref Unsafe.Add(ref row, 2 * ldc), n);
            StoreFirst(c3, ref Unsafe.Add(ref row, 3 * ldc), n);
            StoreFirst(c4, ref Unsafe.Add(ref row, 4 * ldc), n);
            StoreFirst(c5, ref Unsafe.Add(ref row, 5 * ldc), n);
            StoreFirst(c6, ref Unsafe.Add(ref row, 6 * ldc), n);
            StoreFirst(c7, ref Unsafe.Add(ref row, 7 * ldc), n);
        }

        for (; i < i1; i++)
        {
            ref var ai = ref a.At(i, 0);
            var c0 = Vector512<double>.Zero;
            for (var p = 0; p < k; p++)
            {
                c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ai, p * cs)), Vector512.LoadUnsafe(ref b, (nuint)(p * 8)), c0);
            }

            StoreFirst(c0, ref c[cOffset + i * ldc], n);
        }
    }

    /// <summary>The first <paramref name="count"/> (1 to 8) lanes of <paramref name="value"/>; nothing past them is written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreFirst(Vector512<double> value, ref double destination, int count)
    {
        if (count == 8)
        {
            value.StoreUnsafe(ref destination);
            return;
        }

        var quarter = value.GetLower();
        nint at = 0;
        if (count >= 4)
        {
            quarter.StoreUnsafe(ref destination);
            quarter = value.GetUpper();
            at = 4;
            count -= 4;
        }

        var pair = quarter.GetLower();
        if (count >= 2)
        {
            pair.StoreUnsafe(ref Unsafe.Add(ref destination, at));
            pair = quarter.GetUpper();
            at += 2;
            count -= 2;
        }

        if (count == 1)
        {
            Unsafe.Add(ref destination, at) = pair.ToScalar();
        }
    }
}
