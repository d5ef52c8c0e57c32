using NeuralNet;

namespace Autograder.Tests.Tensors;

public sealed class ConvTests
{
    [Fact]
    public void Im2Col_ListsEachWindowAsARow()
    {
        var x = Tensor.Arange(9).Reshape(1, 1, 3, 3);
        var cols = Conv.Im2Col(x, 2, 2, stride: 1, pad: 0);
        Assert.Equal(new[] { 4, 4 }, cols.Shape);
        Assert.Equal(new double[] { 0, 1, 3, 4 }, cols.Rows([0]).ToArray());
        Assert.Equal(new double[] { 4, 5, 7, 8 }, cols.Rows([3]).ToArray());
    }

    [Fact]
    public void Im2Col_PadsWithZeros()
    {
        var x = Tensor.Ones(1, 1, 2, 2);
        var cols = Conv.Im2Col(x, 3, 3, stride: 1, pad: 1);
        Assert.Equal(new[] { 4, 9 }, cols.Shape);
        Assert.Equal(new double[] { 0, 0, 0, 0, 1, 1, 0, 1, 1 }, cols.Rows([0]).ToArray());
    }

    [Theory]
    [InlineData(2, 3, 7, 7, 3, 3, 1, 1)]
    [InlineData(1, 2, 6, 5, 2, 2, 2, 0)]
    [InlineData(3, 1, 28, 28, 7, 7, 1, 3)]
    public void Col2Im_IsTheAdjointOfIm2Col(int n, int c, int h, int w, int kh, int kw, int stride, int pad)
    {
        var rng = new Rng(4);
        var x = Tensor.RandomNormal([n, c, h, w], 0, 1, rng);
        var cols = Conv.Im2Col(x, kh, kw, stride, pad);
        var y = Tensor.RandomNormal(cols.Shape, 0, 1, rng);
        var lhs = (cols * y).Sum();
        var rhs = (x * Conv.Col2Im(y, x.Shape, kh, kw, stride, pad)).Sum();
        Assert.Equal(lhs, rhs, 1e-9);
    }

    [Fact]
    public void Im2Col_WrongRank_SaysExpectedLayout()
    {
        var ex = Assert.Throws<ArgumentException>(() => Conv.Im2Col(Tensor.Zeros(5, 784), 3, 3, 1, 0));
        Assert.Contains("(N, C, H, W), found (5, 784)", ex.Message);
    }
}
