using NeuralNet;

namespace Autograder.Tests.Tensors;

public sealed class InPlaceBroadcastTests
{
    [Fact]
    public void AddInPlace_BiasColumn_AddsToEveryPositionOfItsRow()
    {
        // A convolution's y (N, F, P) += b (F, 1).
        var y = Tensor.Zeros(2, 3, 4);
        y.AddInPlace(Tensor.FromArray([1, 2, 3], 3, 1));
        Assert.Equal(new[] { 2, 3, 4 }, y.Shape);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (double)(i / 4 % 3 + 1)).ToArray(), y.ToArray());
    }

    [Fact]
    public void AddInPlace_BroadcastWithAlpha_ScalesTheOperand()
    {
        var y = Tensor.Ones(2, 2);
        y.AddInPlace(Tensor.FromArray([10, 20], 2), -0.5);
        Assert.Equal(new double[] { -4, -9, -4, -9 }, y.ToArray());
    }

    [Fact]
    public void AddInPlace_OperandThatWouldGrowTheTarget_NamesBothShapes()
    {
        var y = Tensor.Zeros(1, 3);
        var ex = Assert.Throws<ArgumentException>(() => y.AddInPlace(Tensor.Zeros(2, 3)));
        Assert.Equal("AddInPlace: a tensor of shape (2, 3) does not broadcast to this tensor's shape (1, 3) (the result would be (2, 3)).", ex.Message);
        Assert.Equal(new double[] { 0, 0, 0 }, y.ToArray());
    }

    [Fact]
    public void AddInPlace_AViewOfItself_ReadsTheValuesBeforeTheUpdate()
    {
        // Like numpy's y += y[0]: every row gets the original first row, not the updated one.
        var y = Tensor.FromArray([1, 2, 10, 20, 100, 200], 3, 2);
        y.AddInPlace(y.Slice(0, 1));
        Assert.Equal(new double[] { 2, 4, 11, 22, 101, 202 }, y.ToArray());
    }

    [Fact]
    public void MultiplyInPlace_SameShape_MultipliesElementwise()
    {
        var mask = Tensor.FromArray([1, 0, 1, 0], 2, 2);
        mask.MultiplyInPlace(Tensor.FromArray([5, 6, 7, 8], 2, 2));
        Assert.Equal(new double[] { 5, 0, 7, 0 }, mask.ToArray());
    }

    [Fact]
    public void MultiplyInPlace_RowVector_ScalesEveryRow()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        x.MultiplyInPlace(Tensor.FromArray([1, 10, 100], 3));
        Assert.Equal(new double[] { 1, 20, 300, 4, 50, 600 }, x.ToArray());
    }

    [Fact]
    public void MultiplyInPlace_IncompatibleShapes_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).MultiplyInPlace(Tensor.Zeros(2)));
        Assert.Contains("MultiplyInPlace: shapes (2, 3) and (2,) cannot be broadcast together", ex.Message);
    }

    [Fact]
    public void InPlaceOps_OnANonContiguousView_AreRefused()
    {
        var view = Tensor.Zeros(2, 3).T;
        var ex = Assert.Throws<InvalidOperationException>(() => view.MultiplyInPlace(Tensor.Ones(3, 1)));
        Assert.Contains("cannot modify the non-contiguous view of shape (3, 2) in place", ex.Message);
    }
}
