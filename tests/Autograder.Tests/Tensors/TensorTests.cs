using NeuralNet;

namespace Autograder.Tests.Tensors;

public sealed class TensorTests
{
    [Fact]
    public void FromArray_KeepsRowMajorOrder()
    {
        var t = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal(new[] { 2, 3 }, t.Shape);
        Assert.Equal(6.0, t[1, 2]);
        Assert.Equal(4.0, t[1, 0]);
        Assert.Equal(3.0, t[-2, -1]);
    }

    [Fact]
    public void FromArray_WrongCount_NamesBothSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.FromArray([1, 2, 3], 2, 2));
        Assert.Contains("3 values cannot have shape (2, 2)", ex.Message);
    }

    [Fact]
    public void Add_BiasRowBroadcastsOverBatch()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        var b = Tensor.FromArray([10, 20, 30], 1, 3);
        Assert.Equal(new double[] { 11, 22, 33, 14, 25, 36 }, (x + b).ToArray());
    }

    [Fact]
    public void Multiply_ColumnTimesRow_GivesOuterProduct()
    {
        var col = Tensor.FromArray([1, 2], 2, 1);
        var row = Tensor.FromArray([3, 4, 5], 3);
        var outer = col * row;
        Assert.Equal(new[] { 2, 3 }, outer.Shape);
        Assert.Equal(new double[] { 3, 4, 5, 6, 8, 10 }, outer.ToArray());
    }

    [Fact]
    public void Subtract_ScalarOnTheLeft_SubtractsEachElement()
    {
        var x = Tensor.FromArray([1, 2, 3], 3);
        Assert.Equal(new double[] { 0, -1, -2 }, (1 - x).ToArray());
        Assert.True((2 / x).AllClose(Tensor.FromArray([2, 1, 2.0 / 3], 3), 1e-15));
    }

    [Fact]
    public void Broadcast_IncompatibleShapes_NamesOperationAndShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(5, 3) + Tensor.Zeros(4, 3));
        Assert.Equal("Add: shapes (5, 3) and (4, 3) cannot be broadcast together (axis 0: 5 vs 4).", ex.Message);
    }

    [Fact]
    public void Greater_GivesZeroOneMaskUsableInArithmetic()
    {
        var x = Tensor.FromArray([-1, 0, 2], 3);
        var mask = x > 0;
        Assert.Equal(new double[] { 0, 0, 1 }, mask.ToArray());
        Assert.Equal(new double[] { 0, 0, 2 }, (x * mask).ToArray());
        Assert.Equal(new double[] { 0, 1, 1 }, (x >= 0).ToArray());
        Assert.Equal(new double[] { 1, 0, 0 }, (x < 0).ToArray());
    }

    [Fact]
    public void Sum_AlongAxisZeroWithKeepDims_GivesBiasGradientShape()
    {
        var g = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        var db = g.Sum(axis: 0, keepDims: true);
        Assert.Equal(new[] { 1, 3 }, db.Shape);
        Assert.Equal(new double[] { 5, 7, 9 }, db.ToArray());
        Assert.Equal(new double[] { 6, 15 }, g.Sum(axis: 1).ToArray());
        Assert.Equal(21.0, g.Sum());
    }

    [Fact]
    public void MaxMeanArgMax_AlongAxes()
    {
        var x = Tensor.FromArray([1, 9, 3, 7, 5, 6], 2, 3);
        Assert.Equal(new double[] { 9, 7 }, x.Max(axis: 1).ToArray());
        Assert.Equal(new double[] { 4, 7, 4.5 }, x.Mean(axis: 0).ToArray());
        Assert.Equal(new double[] { 1, 0 }, x.ArgMax(axis: 1).ToArray());
        Assert.Equal(new[] { 1, 0 }, x.ArgMaxRows());
        Assert.Equal(new double[] { 1, 0, 1 }, x.ArgMax(axis: 0).ToArray());
    }

    [Fact]
    public void Sum_OfMiddleAxisOfThreeDTensor()
    {
        var x = Tensor.Arange(24).Reshape(2, 3, 4);
        var s = x.Sum(axis: 1);
        Assert.Equal(new[] { 2, 4 }, s.Shape);
        Assert.Equal(0 + 4 + 8.0, s[0, 0]);
        Assert.Equal(15 + 19 + 23.0, s[1, 3]);
    }

    [Fact]
    public void Transpose_IsAViewSharingStorage()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        var t = x.T;
        Assert.Equal(new[] { 3, 2 }, t.Shape);
        Assert.False(t.IsContiguous);
        Assert.Equal(new double[] { 1, 4, 2, 5, 3, 6 }, t.ToArray());
        x[0, 1] = 42;
        Assert.Equal(42.0, t[1, 0]);
    }

    [Fact]
    public void Transpose_PermutesNhwcToNchw()
    {
        var x = Tensor.Arange(2 * 3 * 4 * 5).Reshape(2, 3, 4, 5);
        var y = x.Transpose(0, 3, 1, 2);
        Assert.Equal(new[] { 2, 5, 3, 4 }, y.Shape);
        Assert.Equal(x[1, 2, 3, 4], y[1, 4, 2, 3]);
    }

    [Fact]
    public void Reshape_InfersMinusOneAndRejectsBadSizes()
    {
        var x = Tensor.Arange(12);
        Assert.Equal(new[] { 3, 4 }, x.Reshape(3, -1).Shape);
        var ex = Assert.Throws<ArgumentException>(() => x.Reshape(5, -1));
        Assert.Contains("(12,)", ex.Message);
    }

    [Fact]
    public void Rows_GathersMiniBatchAndRejectsBadIndex()
    {
        var x = Tensor.Arange(12).Reshape(4, 3);
        var batch = x.Rows([3, 0]);
        Assert.Equal(new double[] { 9, 10, 11, 0, 1, 2 }, batch.ToArray());
        var ex = Assert.Throws<IndexOutOfRangeException>(() => x.Rows([1, 4]));
        Assert.Contains("index 4 (position 1)", ex.Message);
    }

    [Fact]
    public void Slice_ViewsConsecutiveRows()
    {
        var x = Tensor.Arange(12).Reshape(4, 3);
        var s = x.Slice(1, 2);
        Assert.Equal(new double[] { 3, 4, 5, 6, 7, 8 }, s.ToArray());
        s[0, 0] = -1;
        Assert.Equal(-1.0, x[1, 0]);
    }

    [Fact]
    public void Indexer_OutOfRange_NamesAxisAndSize()
    {
        var x = Tensor.Zeros(2, 3);
        var ex = Assert.Throws<IndexOutOfRangeException>(() => x[0, 3]);
        Assert.Contains("index 3 is out of range for axis 1 of size 3", ex.Message);
    }

    [Fact]
    public void AddInPlace_ScalesTheUpdate()
    {
        var w = Tensor.FromArray([1, 1], 2);
        w.AddInPlace(Tensor.FromArray([2, 4], 2), -0.5);
        Assert.Equal(new double[] { 0, -1 }, w.ToArray());
        var ex = Assert.Throws<ArgumentException>(() => w.AddInPlace(Tensor.Zeros(3)));
        Assert.Contains("(2,) and (3,)", ex.Message);
    }

    [Fact]
    public void ElementwiseFunctions_MatchMath()
    {
        var x = Tensor.FromArray([-2, 0.5, 3], 3);
        Assert.True(x.Exp().AllClose(Tensor.FromArray([Math.Exp(-2), Math.Exp(0.5), Math.Exp(3)], 3), 1e-12));
        Assert.True(x.Sigmoid().AllClose(Tensor.FromArray([1 / (1 + Math.Exp(2)), 1 / (1 + Math.Exp(-0.5)), 1 / (1 + Math.Exp(-3))], 3), 1e-12));
        Assert.Equal(new double[] { -1, 0.5, 1 }, x.Clip(-1, 1).ToArray());
        Assert.Equal(new double[] { 0, 0.5, 3 }, x.Maximum(0).ToArray());
        Assert.Equal(new double[] { 4, 0.25, 9 }, x.Square().ToArray());
    }

    [Fact]
    public void AllClose_UsesAbsoluteAndRelativeTolerance()
    {
        var a = Tensor.FromArray([1.0, 100.0], 2);
        Assert.True(a.AllClose(Tensor.FromArray([1.0 + 1e-9, 100.0 + 1e-4], 2)));
        Assert.False(a.AllClose(Tensor.FromArray([1.0 + 1e-3, 100.0], 2)));
        Assert.False(Tensor.FromArray([double.NaN], 1).AllClose(Tensor.FromArray([double.NaN], 1)));
    }

    [Fact]
    public void ToString_LooksLikeNumpy()
    {
        var x = Tensor.FromArray([1, 2.5, -3, 4], 2, 2);
        Assert.Equal("tensor([[ 1., 2.5],\n        [-3.,  4.]], shape=(2, 2))", x.ToString());
        Assert.Contains("...", Tensor.Zeros(2000).ToString());
    }
}
