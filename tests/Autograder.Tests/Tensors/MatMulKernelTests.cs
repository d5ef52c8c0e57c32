using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>
/// The matmul kernels (AVX-512, AVX2, portable; small-batch, dot-product and blocked paths) against a
/// naive triple loop, for every operand layout, edge sizes around the tile and block sizes, and thread counts.
/// </summary>
public sealed class MatMulKernelTests
{
    private static readonly GemmIsa[] AllIsas = [GemmIsa.Portable, GemmIsa.Avx2, GemmIsa.Avx512];

    /// <summary>Sizes around the tiles (12 x 16 and 6 x 8), the vector widths (8, 4) and the K pass (256).</summary>
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 },
        { 1, 7, 1 },
        { 2, 3, 17 },
        { 5, 784, 128 },
        { 5, 13, 1000 },
        { 5, 10, 33 },
        { 6, 9, 8 },
        { 7, 257, 15 },
        { 11, 5, 33 },
        { 12, 16, 16 },
        { 13, 1, 17 },
        { 25, 300, 47 },
        { 37, 513, 31 },
        { 49, 64, 15 },
        { 100, 2, 130 },
        { 1000, 5, 10 },
        { 20, 16, 15 },
        { 9, 1, 7 },
        { 12, 15, 40 },
        { 5, 10, 1000 },
    };

    private static double[] Naive(Tensor a, Tensor b)
    {
        var (m, k, n) = (a.Dim(0), a.Dim(1), b.Dim(1));
        var (x, y) = (a.ToArray(), b.ToArray());
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var p = 0; p < k; p++)
                {
                    s += x[i * k + p] * y[p * n + j];
                }

                c[i * n + j] = s;
            }
        }

        return c;
    }

    private static void AssertClose(double[] expected, double[] actual, int k, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        var tolerance = 1e-13 * Math.Max(1, k);
        for (var i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i]))))
            {
                Assert.Fail($"{what}, element {i}: expected {expected[i]:R}, found {actual[i]:R} (k = {k})");
            }
        }
    }

    /// <summary>A (rows, cols) operand: 0 plain, 1 transposed view, 2 row slice of a taller matrix, 3 transposed slice (both strides non-unit).</summary>
    private static Tensor Operand(int rows, int cols, int layout, Rng rng) => layout switch
    {
        0 => Tensor.RandomNormal([rows, cols], 0, 1, rng),
        1 => Tensor.RandomNormal([cols, rows], 0, 1, rng).T,
        2 => Tensor.RandomNormal([rows + 3, cols], 0, 1, rng).Slice(2, rows),
        _ => Tensor.RandomNormal([cols + 2, rows], 0, 1, rng).Slice(1, cols).T,
    };

    /// <summary>The product on exactly <paramref name="workers"/> threads (where the shape splits), into a NaN-filled buffer.</summary>
    private static double[] Run(Tensor a, Tensor b, GemmIsa isa, int workers)
    {
        var c = new double[a.Dim(0) * b.Dim(1)];
        Array.Fill(c, double.NaN);
        MatMulKernel.MultiplyOn(a, b, c, 0, isa, workers);
        return c;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_EveryLayoutAndKernel_MatchesNaiveProduct(int m, int k, int n)
    {
        var rng = new Rng((ulong)(m * 1_000_003 + k * 1009 + n));
        foreach (var isa in AllIsas)
        {
            for (var layoutA = 0; layoutA < 4; layoutA++)
            {
                for (var layoutB = 0; layoutB < 4; layoutB++)
                {
                    var a = Operand(m, k, layoutA, rng);
                    var b = Operand(k, n, layoutB, rng);
                    AssertClose(Naive(a, b), Run(a, b, isa, 2), k, $"{isa}, layouts A{layoutA} B{layoutB}");
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Multiply_OnSeveralThreads_MatchesNaiveAndOneThreadBitForBit(int layout)
    {
        // Row-split blocked (300 rows), column-split blocked (30 rows, 150 columns), small-batch and dot paths
        // (5 rows); 270 > 256 makes two K passes. (64, 2000, 49): a weight gradient's long K (eight passes, each
        // packing its own block of B on each thread) and a last strip one column wide; (40, 600, 700): B wider than
        // one packed block (three blocks of 20 strips), split by columns.
        var rng = new Rng(5);
        foreach (var (m, k, n) in new[] { (300, 270, 150), (30, 40, 150), (5, 300, 400), (400, 7, 90), (3000, 5, 10), (64, 2000, 49), (40, 600, 700) })
        {
            var a = Operand(m, k, layout, rng);
            var b = Operand(k, n, layout, rng);
            foreach (var isa in AllIsas)
            {
                var single = Run(a, b, isa, 1);
                AssertClose(Naive(a, b), single, k, $"{isa} ({m}, {k}, {n})");
                foreach (var workers in new[] { 2, 3, 4 })
                {
                    Assert.Equal(single, Run(a, b, isa, workers));
                }
            }
        }
    }

    [Theory]
    [InlineData(5, 1000, 10)]
    [InlineData(3, 7, 5)]
    [InlineData(6, 40, 45)]
    [InlineData(1000, 5, 10)]
    [InlineData(20, 16, 15)]
    public void Multiply_NarrowBInsideAWiderMatrix_IgnoresTheNeighbouringColumns(int m, int k, int n)
    {
        // B is the first n columns of a wider matrix whose other columns are NaN: the few-rows path reads a partial strip
        // of B in place, neighbours included, and must keep them out of C (and give the packed strip's bits).
        var rng = new Rng(11);
        var wide = Tensor.RandomNormal([k, n + 3], 0, 1, rng);
        var values = wide.AsSpan();
        for (var p = 0; p < k; p++)
        {
            values.Slice(p * (n + 3) + n, 3).Fill(double.NaN);
        }

        var b = wide.T.Slice(0, n).T; // (k, n), rows n + 3 apart
        var a = Operand(m, k, 0, rng);
        var packed = Run(a, b.Contiguous(), GemmIsa.Portable, 1);
        foreach (var isa in AllIsas)
        {
            Assert.Equal(packed, Run(a, b, isa, 1));
            Assert.Equal(packed, Run(a, b.Contiguous(), isa, 2));
        }
    }

    [Fact]
    public void Multiply_RowMajorB_GivesTheSameBitsOnEveryKernel()
    {
        // Every tiled path computes c = fma(a[i, p], b[p, j], c) for p in order, as does the portable AXPY.
        var rng = new Rng(9);
        foreach (var (m, k, n) in new[] { (5, 784, 130), (37, 513, 31), (13, 3, 40) })
        {
            var a = Operand(m, k, 1, rng);
            var b = Operand(k, n, 0, rng);
            var portable = Run(a, b, GemmIsa.Portable, 1);
            Assert.Equal(portable, Run(a, b, GemmIsa.Avx2, 2));
            Assert.Equal(portable, Run(a, b, GemmIsa.Avx512, 2));
        }
    }

    [SkippableTheory]
    [InlineData(5, 128, 784)]
    [InlineData(7, 131, 19)]
    [InlineData(1, 40, 16)]
    [InlineData(2, 23, 17)]
    [InlineData(6, 1000, 24)]
    public void Multiply_FewRowsTimesTransposedB_GivesEachElementTheOneColumnDotTilesBits(int m, int k, int n)
    {
        // Full tiles of four columns reduce their four partial sums together, a tree that must add lanes as
        // Vector512.Sum does, then the k % 8 tail in order: element by element the bits of a one-column tile.
        Skip.IfNot(GemmDot512.IsSupported, "needs AVX-512");
        var rng = new Rng(17);
        var a = Tensor.RandomNormal([m, k], 0, 1, rng);
        var bt = Tensor.RandomNormal([n, k], 0, 1, rng);
        var (x, y) = (a.ToArray(), bt.ToArray());
        var expected = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                GemmDot512.Run(1, 1, k, ref x[i * k], k, ref y[j * k], k, ref expected[i * n + j], n);
            }
        }

        AssertClose(Naive(a, bt.T), expected, k, "one-column tiles");
        Assert.Equal(expected, Run(a, bt.T, GemmIsa.Avx512, 1));
        Assert.Equal(expected, Run(a, bt.T, GemmIsa.Avx512, 2));
    }

    [Theory]
    [InlineData(1000, 5, 10)]
    [InlineData(20, 16, 15)]
    [InlineData(8, 3, 1)]
    [InlineData(5, 10, 1000)]
    [InlineData(12, 15, 40)]
    public void Multiply_SmallBOrShallowTransposedB_GivesThePortableBitsInEveryLayout(int m, int k, int n)
    {
        // A B of at most 16 x 15 is copied row-major and C computed eight rows at a time in 8, 4, 2 and 1 lanes; few
        // rows times a transposed B shallower than 16 take the few-rows path from a row-major copy. Both keep each
        // element's chain fma(a[i, p], b[p, j], c) in p order, so they give the portable product's bits.
        var rng = new Rng(13);
        for (var layoutA = 0; layoutA < 4; layoutA++)
        {
            for (var layoutB = 0; layoutB < 4; layoutB++)
            {
                var a = Operand(m, k, layoutA, rng);
                var b = Operand(k, n, layoutB, rng);
                var portable = Run(a, b, GemmIsa.Portable, 1);
                AssertClose(Naive(a, b), portable, k, $"portable, layouts A{layoutA} B{layoutB}");
                foreach (var isa in new[] { GemmIsa.Avx2, GemmIsa.Avx512 })
                {
                    Assert.Equal(portable, Run(a, b, isa, 1));
                    Assert.Equal(portable, Run(a, b, isa, 2));
                }
            }
        }
    }

    [Fact]
    public void Workers_SmallProductsStayOnOneThread_LargeOnesUseTheCores()
    {
        Assert.Equal(1, MatMulKernel.Workers(5, 784, 1000, 2));
        Assert.Equal(2, MatMulKernel.Workers(10000, 784, 128, 2));
        Assert.Equal(1, MatMulKernel.Workers(10000, 784, 128, 1));

        // A short K with a result over SplitWork's threshold (a batch of 5's weight gradient Xᵀ·G): split by its size.
        Assert.Equal(Math.Min(2, Environment.ProcessorCount), MatMulKernel.Workers(784, 5, 1000, 2));
        Assert.Equal(1, MatMulKernel.Workers(784, 5, 1000, 1));
        Assert.Equal(1, MatMulKernel.Workers(784, 5, 128, 2)); // HW3's: 100,352 elements, under the threshold
    }

    [Fact]
    public void MatMul_AWeightGradientSplitByItsSize_GivesTheOneThreadBits()
    {
        var rng = new Rng(19);
        var x = Tensor.RandomNormal([5, 784], 0, 1, rng);
        var g = Tensor.RandomNormal([5, 1000], 0, 1, rng);

        var product = x.T.MatMul(g).ToArray(); // deferred, then computed on Workers(784, 5, 1000) threads

        Assert.Equal(Run(x.T, g, MatMulKernel.BestIsa, 1), product);
    }

    [Fact]
    public void Multiply_SameInputsTwice_GivesIdenticalBits()
    {
        var rng = new Rng(17);
        var a = Tensor.RandomNormal([200, 300], 0, 1, rng);
        var b = Tensor.RandomNormal([300, 120], 0, 1, rng);
        Assert.Equal(a.MatMul(b).ToArray(), a.MatMul(b).ToArray());
        Assert.Equal(a.MatMul(b.T.Contiguous().T).ToArray(), a.MatMul(b.T.Contiguous().T).ToArray());
    }

    [Fact]
    public void Multiply_EmptyInnerDimension_WritesZeros()
    {
        foreach (var isa in AllIsas)
        {
            var c = Run(Tensor.Zeros(3, 0), Tensor.Zeros(0, 4), isa, 2);
            Assert.Equal(new double[12], c);
        }
    }

    [Fact]
    public void MatMul_EmptyRowsOrColumns_GivesEmptyResult()
    {
        Assert.Equal(new[] { 0, 4 }, Tensor.Zeros(0, 3).MatMul(Tensor.Ones(3, 4)).Shape);
        Assert.Equal(new[] { 2, 0 }, Tensor.Ones(2, 3).MatMul(Tensor.Zeros(3, 0)).Shape);
    }

    [Fact]
    public void Multiply_WritesOnlyItsOwnRegionAtAnOffset()
    {
        var rng = new Rng(2);
        var a = Tensor.RandomNormal([13, 20], 0, 1, rng);
        var b = Tensor.RandomNormal([20, 17], 0, 1, rng);
        foreach (var isa in AllIsas)
        {
            var c = new double[7 + 13 * 17 + 5];
            Array.Fill(c, -1.0);
            MatMulKernel.MultiplyOn(a, b, c, 7, isa, 2);
            Assert.All(c[..7], v => Assert.Equal(-1.0, v));
            Assert.All(c[^5..], v => Assert.Equal(-1.0, v));
            AssertClose(Naive(a, b), c[7..^5], 20, isa.ToString());
        }
    }

    [Fact]
    public void Multiply_ZeroTimesInfinity_GivesNaNLikeNumpy()
    {
        var a = Tensor.FromArray([0.0, 1.0], 1, 2);
        var b = Tensor.FromArray([double.PositiveInfinity, 2.0], 2, 1);
        foreach (var isa in AllIsas)
        {
            Assert.True(double.IsNaN(Run(a, b, isa, 1)[0]), isa.ToString());
        }
    }

    [Fact]
    public void Multiply_SpanOverload_MatchesArrayOverload()
    {
        var rng = new Rng(4);
        var a = Tensor.RandomNormal([30, 40], 0, 1, rng);
        var b = Tensor.RandomNormal([50, 40], 0, 1, rng).T;
        var span = new double[30 * 50];
        MatMulKernel.Multiply(a, b, span.AsSpan());
        Assert.Equal(Run(a, b, MatMulKernel.BestIsa, 1), span);
    }
}
