using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NeuralNet.Data;

/// <summary>Byte pixels to doubles in [0, 1], exactly as numpy's <c>x / 255.0</c>.</summary>
internal static class PixelScaling
{
    private static readonly double[] Table = BuildTable();

    /// <summary>Returns byte / 255 for every pixel (a table lookup: 256 exact divisions, done once).</summary>
    public static double[] ToUnitRange(ReadOnlySpan<byte> pixels)
    {
        var result = GC.AllocateUninitializedArray<double>(pixels.Length);
        ToUnitRange(pixels, result);
        return result;
    }

    /// <summary>Writes byte / 255 for every pixel into <paramref name="destination"/> (at least as long as the pixels).</summary>
    /// <remarks>
    /// With AVX-512, eight pixels at a time are widened to doubles and divided by 255 in one instruction, which rounds
    /// each lane as the scalar division that built the table does (IEEE division is correctly rounded): the same bits
    /// (<c>PixelScalingTests</c>). Five random rows of a 10,000-image set (HW3's batch of 3,920 pixels), a scratch
    /// program timing 20,000 batches three times (2026-12-07): 2.30-2.49 µs by table, 0.62-1.01 µs so.
    /// </remarks>
    public static void ToUnitRange(ReadOnlySpan<byte> pixels, Span<double> destination)
    {
        destination = destination[..pixels.Length];
        var i = 0;
        if (Avx512F.IsSupported)
        {
            var divisor = Vector512.Create(255.0);
            ref var source = ref MemoryMarshal.GetReference(pixels);
            ref var target = ref MemoryMarshal.GetReference(destination);
            for (; i + 8 <= pixels.Length; i += 8)
            {
                var bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, i))).AsByte();
                var values = Avx512F.ConvertToVector512Double(Avx2.ConvertToVector256Int32(bytes));
                Avx512F.Divide(values, divisor).StoreUnsafe(ref target, (nuint)i);
            }
        }

        var table = Table;
        for (; i < pixels.Length; i++)
        {
            destination[i] = table[pixels[i]];
        }
    }

    private static double[] BuildTable()
    {
        var table = new double[256];
        for (int b = 0; b < 256; b++)
        {
            table[b] = b / 255.0;
        }

        return table;
    }
}
