using NeuralNet;

namespace Autograder.Tests.Tensors;

public sealed class MatMulTests
{
    private static Tensor Naive(Tensor a, Tensor b)
    {
        var (m, k, n) = (a.Dim(0), a.Dim(1), b.Dim(1));
        var c = Tensor.Zeros(m, n);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var p = 0; p < k; p++)
                {
                    s += a[i, p] * b[p, j];
                }

                c[i, j] = s;
            }
        }

        return c;
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(5, 784, 128)]
    [InlineData(7, 13, 33)]
    [InlineData(64, 65, 66)]
    [InlineData(130, 17, 9)]
    public void MatMul_MatchesNaiveProduct(int m, int k, int n)
    {
        var rng = new Rng(7);
        var a = Tensor.RandomNormal([m, k], 0, 1, rng);
        var b = Tensor.RandomNormal([k, n], 0, 1, rng);
        Assert.True(a.MatMul(b).AllClose(Naive(a, b), 1e-10, 1e-10));
    }

    [Theory]
    [InlineData(5, 20, 30)]
    [InlineData(33, 70, 9)]
    public void MatMul_TransposedViews_MatchCopies(int m, int k, int n)
    {
        var rng = new Rng(11);
        var x = Tensor.RandomNormal([k, m], 0, 1, rng);
        var g = Tensor.RandomNormal([k, n], 0, 1, rng);
        var w = Tensor.RandomNormal([n, k], 0, 1, rng);
        Assert.True(x.T.MatMul(g).AllClose(Naive(x.T.Contiguous(), g), 1e-10, 1e-10));
        Assert.True(g.T.MatMul(x).AllClose(Naive(g.T.Contiguous(), x), 1e-10, 1e-10));
        Assert.True(x.T.MatMul(w.T).AllClose(Naive(x.T.Contiguous(), w.T.Contiguous()), 1e-10, 1e-10));
    }

    [Fact]
    public void MatMul_NotAligned_SaysWhichSizesDiffer()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(5, 784).MatMul(Tensor.Zeros(128, 10)));
        Assert.Equal("MatMul: (5, 784) and (128, 10) are not aligned (784 != 128)", ex.Message);
    }

    [Fact]
    public void MatMul_Batched_MultipliesEachBatchItem()
    {
        var rng = new Rng(3);
        var a = Tensor.RandomNormal([4, 3, 5], 0, 1, rng);
        var b = Tensor.RandomNormal([4, 5, 2], 0, 1, rng);
        var w = Tensor.RandomNormal([5, 6], 0, 1, rng);
        var c = a.MatMul(b);
        var d = a.MatMul(w);
        Assert.Equal(new[] { 4, 3, 2 }, c.Shape);
        Assert.Equal(new[] { 4, 3, 6 }, d.Shape);
        for (var i = 0; i < 4; i++)
        {
            var ai = a.Rows([i]).Reshape(3, 5);
            Assert.True(c.Rows([i]).Reshape(3, 2).AllClose(Naive(ai, b.Rows([i]).Reshape(5, 2)), 1e-10, 1e-10));
            Assert.True(d.Rows([i]).Reshape(3, 6).AllClose(Naive(ai, w), 1e-10, 1e-10));
        }
    }

    [Fact]
    public void MatMul_MatrixTimesBatch_MultipliesEachItemByTheMatrix()
    {
        // numpy's W @ X for W (M, K) and X (B, K, N): the convolution's W_flat · colsᵀ per image.
        var rng = new Rng(4);
        var w = Tensor.RandomNormal([3, 5], 0, 1, rng);
        var x = Tensor.RandomNormal([4, 7, 5], 0, 1, rng).Transpose(0, 2, 1); // (4, 5, 7), a strided view
        var y = w.MatMul(x);
        Assert.Equal(new[] { 4, 3, 7 }, y.Shape);
        for (var i = 0; i < 4; i++)
        {
            var xi = x.Contiguous().Rows([i]).Reshape(5, 7);
            Assert.True(y.Rows([i]).Reshape(3, 7).AllClose(Naive(w, xi), 1e-10, 1e-10));
        }

        var ex = Assert.Throws<ArgumentException>(() => w.MatMul(Tensor.Zeros(4, 6, 7)));
        Assert.Contains("not aligned (5 != 6)", ex.Message);
    }

    [Fact]
    public void MatMul_ManySmallItems_SplitAcrossThreads_EqualsOneItemAtATime()
    {
        // 64 items of 2 x 64 x 49 x 484 flops (3 MFLOP each, 195 in all) take the batch-parallel path; every item is
        // still one single-threaded product, so the values are those of the 2-D product, bit for bit.
        var rng = new Rng(5);
        var w = Tensor.RandomNormal([64, 49], 0, 1, rng);
        var cols = Tensor.RandomNormal([64, 484, 49], 0, 1, rng);
        var y = w.MatMul(cols.Transpose(0, 2, 1));
        for (var i = 0; i < 64; i += 9)
        {
            var item = cols.Rows([i]).Reshape(484, 49);
            Assert.Equal(w.MatMul(item.T).ToArray(), y.Rows([i]).Reshape(64, 484).ToArray());
        }
    }
}
