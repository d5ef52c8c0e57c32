using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>
/// Element-wise operations are cut into cache-sized pieces (CacheChunks, issue 19): every element must be written once,
/// with the value one whole-span operation gives, at every length around the piece boundaries.
/// </summary>
public sealed class CacheChunksTests
{
    public static TheoryData<int> Lengths => new() { 1, 7, CacheChunks.Elements - 1, 2 * CacheChunks.Elements - 1, 2 * CacheChunks.Elements, (2 * CacheChunks.Elements) + 3, 100_352, CacheChunks.MaxElements + 5 };

    private static double[] Random(int n, ulong seed) => Tensor.RandomNormal([n], 0, 1, new Rng(seed)).ToArray();

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AddInPlace_WithAFactor_IsTheUnfusedMultiplyAddOfEveryElement(int n)
    {
        var (w, g) = (Random(n, 1), Random(n, 2));
        var target = Tensor.FromArray(w, [n]);

        target.AddInPlace(Tensor.FromArray(g, [n]), -0.01);

        var got = target.ToArray();
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits((g[i] * -0.01) + w[i]), BitConverter.DoubleToInt64Bits(got[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void BinaryOperations_InPieces_WriteEveryElementOnce(int n)
    {
        var (a, b) = (Random(n, 3), Random(n, 4));
        var (ta, tb) = (Tensor.FromArray(a, [n]), Tensor.FromArray(b, [n]));

        var sum = (ta + tb).ToArray();
        var scaled = (ta * 3.0).ToArray();
        var reversed = (2.0 - tb).ToArray();
        var product = ta.Clone();
        product.MultiplyInPlace(tb);
        var p = product.ToArray();

        for (var i = 0; i < n; i++)
        {
            Assert.Equal(a[i] + b[i], sum[i]);
            Assert.Equal(a[i] * 3.0, scaled[i]);
            Assert.Equal(2.0 - b[i], reversed[i]);
            Assert.Equal(a[i] * b[i], p[i]);
        }
    }
}
