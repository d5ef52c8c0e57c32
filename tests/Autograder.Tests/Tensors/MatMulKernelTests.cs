using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>
/// The blocked / small-batch / portable matmul kernels against a naive triple loop, for every layout
/// (plain, transposed views, sliced views), edge sizes around the tile and block sizes, and thread counts.
/// </summary>
public sealed class MatMulKernelTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 1, 7, 1 },
        { 2, 3, 17 },
        { 5, 784, 128 },
        { 5, 13, 1000 },
        { 6, 9, 8 },
        { 7, 257, 15 },
        { 11, 5, 33 },
        { 12, 16, 16 },
        { 13, 1, 17 },
        { 25, 300, 47 },
        { 37, 513, 31 },
        { 49, 64, 15 },
        { 100, 2, 130 },
    };

    private static double[] Naive(Tensor a, Tensor b)
    {
        var (m, k, n) = (a.Dim(0), a.Dim(1), b.Dim(1));
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var p = 0; p < k; p++)
                {
                    s += a[i, p] * b[p, j];
                }

                c[i * n + j] = s;
            }
        }

        return c;
    }

    private static void AssertClose(double[] expected, double[] actual, int k)
    {
        Assert.Equal(expected.Length, actual.Length);
        var tolerance = 1e-12 * Math.Max(1, k);
        for (var i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(expected[i] - actual[i]) > tolerance * (1 + Math.Abs(expected[i])))
            {
                Assert.Fail($"element {i}: expected {expected[i]:R}, found {actual[i]:R} (k = {k})");
            }
        }
    }

    /// <summary>A (m, k) operand in one of four layouts: 0 plain, 1 transposed view, 2 row slice of a taller matrix, 3 transposed slice.</summary>
    private static Tensor Operand(int rows, int cols, int layout, Rng rng) => layout switch
    {
        0 => Tensor.RandomNormal([rows, cols], 0, 1, rng),
        1 => Tensor.RandomNormal([cols, rows], 0, 1, rng).T,
        2 => Tensor.RandomNormal([rows + 3, cols], 0, 1, rng).Slice(2, rows),
        _ => Tensor.RandomNormal([cols + 2, rows], 0, 1, rng).Slice(1, cols).T,
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_AllLayoutsAndKernels_MatchNaiveProduct(int m, int k, int n)
    {
        var rng = new Rng((ulong)(m * 1_000_003 + k * 1009 + n));
        foreach (var isa in new[] { GemmIsa.Portable, GemmIsa.Avx2, GemmIsa.Avx512 })
        {
            for (var layoutA = 0; layoutA < 4; layoutA++)
            {
                for (var layoutB = 0; layoutB < 4; layoutB++)
                {
                    var a = Operand(m, k, layoutA, rng);
                    var b = Operand(k, n, layoutB, rng);
                    var c = new double[m * n];
                    Array.Fill(c, double.NaN);
                    MatMulKernel.Multiply(a, b, c, 0, isa, 2);
                    AssertClose(Naive(a, b), c, k);
                }
            }
        }
    }
}
