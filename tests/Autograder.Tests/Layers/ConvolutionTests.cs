using Autograder.Tests.Gradients;
using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Layers;

namespace Autograder.Tests.Layers;

public sealed class ConvolutionTests
{
    // Homework 5, written question 1.1: X convolved with F (no padding, stride 1) has j = Y[2, 1] = 8.
    private static readonly double[,] Hw5Image =
    {
        { 1, 0, -2, 3, 4, 1 },
        { 2, 9, 5, 6, 0, -1 },
        { 0, -3, 1, 3, 4, 4 },
        { 6, 5, 2, 0, 6, 8 },
        { -5, 4, -3, 1, 3, -2 },
        { 4, 1, 2, 8, 9, 7 },
    };

    private static readonly double[,] Hw5Filter = { { -1, -1, -1 }, { -1, 8, -1 }, { -1, -1, -1 } };

    [Fact]
    public void Conv2DForward_Hw5WrittenExample_GivesJEqualsEight()
    {
        var conv = new Conv2D(1, 1, 3, new Rng(1));
        conv.W.Value.CopyFrom(Tensor.From(Hw5Filter).Reshape(1, 1, 3, 3));
        conv.B.Value.Fill(0);
        var y = conv.Forward(Tensor.From(Hw5Image).Reshape(1, 1, 6, 6));
        Assert.Equal(new[] { 1, 1, 4, 4 }, y.Shape);
        Assert.Equal(8.0, y[0, 0, 2, 1], 12);
    }

    [Fact]
    public void Conv2DOutputShape_Hw5SixByFourWithTwoByTwoStrideTwo_IsThreeByTwo()
    {
        var conv = new Conv2D(1, 1, 2, new Rng(1), stride: 2);
        Assert.Equal(new[] { 1, 1, 3, 2 }, conv.OutputShape([1, 1, 6, 4]));
    }

    [Fact]
    public void Conv2DForward_AddsOneBiasPerFilter()
    {
        var conv = new Conv2D(1, 2, 1, new Rng(1));
        conv.W.Value.CopyFrom(Tensor.From([1.0, 2.0]).Reshape(2, 1, 1, 1));
        conv.B.Value.CopyFrom(Tensor.From([0.5, -1.0]));
        var y = conv.Forward(Tensor.From([1.0, 2.0, 3.0, 4.0]).Reshape(1, 1, 2, 2));
        Assert.Equal(new[] { 1.5, 2.5, 3.5, 4.5, 1, 3, 5, 7 }, y.ToArray());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    public void Conv2DBackward_MatchesNumericalGradient(int stride, int padding)
    {
        var rng = new Rng(13);
        var conv = new Conv2D(2, 3, 3, rng, stride, padding);
        var x = Tensor.RandomNormal([2, 2, 5, 5], 0, 1, rng);
        Assert.True(ModuleGradients.WorstRelError(conv, x) < GradientTolerances.Conv2D);
    }

    [Fact]
    public void Conv2D_InitIsNormalPointOneWithHw6Shapes()
    {
        var conv = new Conv2D(25, 25, 5, new Rng(2));
        Assert.Equal(new[] { 25, 25, 5, 5 }, conv.W.Value.Shape);
        Assert.Equal(new[] { 25 }, conv.B.Value.Shape);
        Assert.InRange(Math.Sqrt(conv.W.Value.Square().Mean()), 0.097, 0.103);
    }

    [Fact]
    public void Conv2DForward_WrongChannels_SaysWhatToFix()
    {
        var error = Assert.Throws<ArgumentException>(() => new Conv2D(3, 4, 3, new Rng(1)).Forward(Tensor.Zeros(2, 1, 8, 8)));
        Assert.Contains("(N, 3, H, W)", error.Message);
    }

    [Fact]
    public void MaxPoolForward_TakesWindowMaxima()
    {
        var x = Tensor.From(new double[,] { { 1, 2, 0, -1 }, { 4, 3, -5, -2 }, { 0, 0, 9, 8 }, { 0, 1, 7, 9 } }).Reshape(1, 1, 4, 4);
        var y = new MaxPool2D(2, 2).Forward(x);
        Assert.Equal(new[] { 1, 1, 2, 2 }, y.Shape);
        Assert.Equal(new double[] { 4, 0, 1, 9 }, y.ToArray());
    }

    [Fact]
    public void MaxPoolBackward_RoutesToFirstMaximum()
    {
        var x = Tensor.From(new double[,] { { 1, 2, 0, -1 }, { 4, 3, -5, -2 }, { 0, 0, 9, 8 }, { 0, 1, 7, 9 } }).Reshape(1, 1, 4, 4);
        var dX = new MaxPool2D(2, 2).Backward(x, Tensor.From([10.0, 20.0, 30.0, 40.0]).Reshape(1, 1, 2, 2));
        Assert.Equal(new double[] { 0, 0, 20, 0, 10, 0, 0, 0, 0, 0, 40, 0, 0, 30, 0, 0 }, dX.ToArray());
    }

    [Fact]
    public void MaxPoolBackward_OverlappingWindows_AddUp()
    {
        var wide = Tensor.From([0.0, 5.0, 0.0, 1.0, 5.0, 0.0]).Reshape(1, 1, 2, 3);
        Assert.Equal(new[] { 0.0, 2.0, 0.0, 0.0, 0.0, 0.0 }, new MaxPool2D(2, 1).Backward(wide, Tensor.Ones(1, 1, 1, 2)).ToArray());
    }

    [Fact]
    public void MaxPool_TiesAndNaN_FollowTheRowByRowScan()
    {
        // Windows: ties (first wins), NaN after the first entry (never wins), NaN first (stays), -0 before +0 (first wins).
        var x = Tensor.FromArray([3, 1, 3, 3, 1, double.NaN, 2, 0, double.NaN, 9, 1, 1, -0.0, 0.0, -1, -1], 1, 4, 2, 2);
        var pool = new MaxPool2D(2, 2);
        var y = pool.Forward(x).ToArray();
        Assert.Equal(3, y[0]);
        Assert.Equal(2, y[1]);
        Assert.True(double.IsNaN(y[2]));
        Assert.True(double.IsNegative(y[3]) && y[3] == 0);
        var dX = pool.Backward(x, Tensor.FromArray([1, 2, 3, 4], 1, 4, 1, 1)).ToArray();
        Assert.Equal(new double[] { 1, 0, 0, 0, 0, 0, 2, 0, 3, 0, 0, 0, 4, 0, 0, 0 }, dX);
    }

    [Fact]
    public void MaxPool_ThreeByThreeWindows_TakeTheFirstMaximum()
    {
        var x = Tensor.FromArray([1, 7, 2, 7, 0, 7, 3, 3, 3], 1, 1, 3, 3);
        var pool = new MaxPool2D(3, 1);
        Assert.Equal(new double[] { 7 }, pool.Forward(x).ToArray());
        Assert.Equal(new double[] { 0, 5, 0, 0, 0, 0, 0, 0, 0 }, pool.Backward(x, Tensor.Full(5, 1, 1, 1, 1)).ToArray());
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Conv2DForward_MatchesTheDefinitionLoop(int stride, int padding)
    {
        var rng = new Rng(11);
        var conv = new Conv2D(2, 4, 3, rng, stride, padding);
        var x = Tensor.RandomNormal([3, 2, 7, 6], 0, 1, rng);
        var y = conv.Forward(x);
        var (w, b) = (conv.W.Value, conv.B.Value);
        var expectedShape = conv.OutputShape(x.Shape);
        Assert.Equal(expectedShape, y.Shape);
        for (var n = 0; n < 3; n++)
        {
            for (var f = 0; f < 4; f++)
            {
                for (var oh = 0; oh < expectedShape[2]; oh++)
                {
                    for (var ow = 0; ow < expectedShape[3]; ow++)
                    {
                        var sum = b[f];
                        for (var c = 0; c < 2; c++)
                        {
                            for (var i = 0; i < 3; i++)
                            {
                                for (var j = 0; j < 3; j++)
                                {
                                    var (row, col) = (oh * stride + i - padding, ow * stride + j - padding);
                                    if (row >= 0 && row < 7 && col >= 0 && col < 6)
                                    {
                                        sum += w[f, c, i, j] * x[n, c, row, col];
                                    }
                                }
                            }
                        }

                        Assert.Equal(sum, y[n, f, oh, ow], 1e-12);
                    }
                }
            }
        }
    }

    [Fact]
    public void MaxPoolBackward_MatchesNumericalGradient()
    {
        // A permutation of distinct values keeps every window's maximum unique.
        var values = new Rng(3).Permutation(2 * 3 * 6 * 6).Select(v => v * 0.1).ToArray();
        var x = Tensor.FromArray(values, 2, 3, 6, 6);
        Assert.True(ModuleGradients.WorstRelError(new MaxPool2D(2, 2), x) < GradientTolerances.MaxPool2D);
    }

    [Fact]
    public void Flatten_RoundTripsShapes()
    {
        var x = Tensor.RandomNormal([2, 3, 4, 5], 0, 1, new Rng(1));
        var flat = new Flatten().Forward(x);
        Assert.Equal(new[] { 2, 60 }, flat.Shape);
        Assert.Equal(x.ToArray(), flat.ToArray());
        Assert.Equal(x.Shape, new Flatten().Backward(x, flat).Shape);
    }

    [Fact]
    public void Unflatten_ReshapesRowsToImages()
    {
        var rows = Tensor.Arange(2 * 784).Reshape(2, 784);
        var images = new Unflatten(1, 28, 28).Forward(rows);
        Assert.Equal(new[] { 2, 1, 28, 28 }, images.Shape);
        Assert.Equal(784.0 + 28, images[1, 0, 1, 0]);
        Assert.Throws<ArgumentException>(() => new Unflatten(1, 28, 28).Forward(Tensor.Zeros(2, 100)));
    }
}
