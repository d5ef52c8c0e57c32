using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>Copies of non-contiguous views (ToArray, Contiguous, Clone) against reading every element through the indexer.</summary>
public sealed class TensorStridedCopyTests
{
    private static double[] ByIndexer(Tensor t)
    {
        var shape = t.Shape;
        var values = new double[t.Size];
        var index = new int[shape.Length];
        for (var n = 0; n < values.Length; n++)
        {
            values[n] = t[index];
            for (var axis = shape.Length - 1; axis >= 0; axis--)
            {
                if (++index[axis] < shape[axis])
                {
                    break;
                }

                index[axis] = 0;
            }
        }

        return values;
    }

    [Theory]
    [InlineData(new[] { 7 }, new[] { 0 })]
    [InlineData(new[] { 3, 5 }, new[] { 1, 0 })]
    [InlineData(new[] { 2, 22, 22, 64 }, new[] { 0, 3, 1, 2 })]
    [InlineData(new[] { 2, 64, 22, 22 }, new[] { 0, 2, 3, 1 })]
    [InlineData(new[] { 4, 1, 3, 2 }, new[] { 3, 1, 0, 2 })]
    [InlineData(new[] { 3, 4, 5 }, new[] { 2, 0, 1 })]
    public void ToArray_PermutedAndSlicedViews_MatchIndexer(int[] shape, int[] axes)
    {
        var t = Tensor.RandomNormal(shape, 0, 1, new Rng(12));
        var permuted = t.Transpose(axes);
        Assert.Equal(ByIndexer(permuted), permuted.ToArray());
        Assert.Equal(ByIndexer(permuted), permuted.Contiguous().ToArray());
        if (permuted.Dim(0) > 1)
        {
            var sliced = permuted.Slice(1, permuted.Dim(0) - 1);
            Assert.Equal(ByIndexer(sliced), sliced.Clone().ToArray());
        }
    }

    [Fact]
    public void ToArray_EmptyView_IsEmpty()
    {
        Assert.Empty(Tensor.Zeros(3, 0, 2).Transpose(2, 0, 1).ToArray());
    }
}
