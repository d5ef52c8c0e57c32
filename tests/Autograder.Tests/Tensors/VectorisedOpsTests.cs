using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>
/// The vectorised comparison masks and the blocked (8 x 8 register) transposing copy against element-by-element
/// references, on lengths around the vector width and shapes with partial blocks.
/// </summary>
public sealed class VectorisedOpsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(17)]
    [InlineData(1000)]
    public void Comparisons_MatchTheScalarRule_IncludingNaNAndZeros(int length)
    {
        var rng = new Rng(11);
        var a = Tensor.RandomNormal([length], 0, 1, rng).ToArray();
        var b = Tensor.RandomNormal([length], 0, 1, rng).ToArray();
        for (var i = 0; i < length; i += 3)
        {
            a[i] = i % 2 == 0 ? 0.0 : double.NaN;
            b[i] = i % 6 == 0 ? 0.0 : -0.0;
        }

        var (x, y) = (Tensor.From(a), Tensor.From(b));

        Assert.Equal(a.Select((v, i) => v > b[i] ? 1.0 : 0.0), (x > y).ToArray());
        Assert.Equal(a.Select((v, i) => v >= b[i] ? 1.0 : 0.0), (x >= y).ToArray());
        Assert.Equal(a.Select((v, i) => v == b[i] ? 1.0 : 0.0), x.Eq(y).ToArray());
        Assert.Equal(a.Select(v => v > 0.0 ? 1.0 : 0.0), (x > 0.0).ToArray());
        Assert.Equal(a.Select(v => 0.0 > v ? 1.0 : 0.0), (x < 0.0).ToArray());
        Assert.Equal(a.Select(v => 0.5 >= v ? 1.0 : 0.0), (x <= 0.5).ToArray());
    }

    [Theory]
    [InlineData(2, 22, 22, 64)] // a conv layer's (N, H, W, F) output viewed as (N, F, H, W)
    [InlineData(3, 5, 9, 17)] // partial 8 x 8 blocks on both axes
    [InlineData(1, 1, 8, 8)]
    [InlineData(2, 3, 1, 13)]
    public void Clone_OfTransposedView_MatchesElementByElementCopy(int n, int h, int w, int c)
    {
        var source = Tensor.RandomNormal([n, h, w, c], 0, 1, new Rng(12));
        foreach (var axes in new[] { new[] { 0, 3, 1, 2 }, [0, 2, 3, 1], [3, 2, 1, 0], [1, 0, 3, 2] })
        {
            var view = source.Transpose(axes);

            var copy = view.Clone();

            var expected = new double[view.Size];
            var shape = view.Shape;
            var index = new int[4];
            for (var k = 0; k < expected.Length; k++)
            {
                var rest = k;
                for (var axis = 3; axis >= 0; axis--)
                {
                    index[axis] = rest % shape[axis];
                    rest /= shape[axis];
                }

                expected[k] = view[index];
            }

            Assert.Equal(expected, copy.ToArray());
        }
    }

    [Fact]
    public void Add_RowBroadcastOverLeadingAxes_MatchesPerElementSum()
    {
        var rng = new Rng(13);
        var y = Tensor.RandomNormal([7, 3, 5], 0, 1, rng);
        var b = Tensor.RandomNormal([1, 3, 5], 0, 1, rng);

        var sum = y + b;

        for (var i = 0; i < 7; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var k = 0; k < 5; k++)
                {
                    Assert.Equal(y[i, j, k] + b[0, j, k], sum[i, j, k]);
                }
            }
        }
    }
}
