using NeuralNet;

namespace Autograder.Tests.Tensors;

/// <summary>
/// A batch's im2col patches are computed on first read; a convolution's per-image products write each image's block
/// into a scratch array instead. Every path must give exactly the bits of the stored patches, and later changes to
/// the images must not reach the patches.
/// </summary>
public sealed class DeferredIm2ColTests
{
    /// <summary>(N, C, H, W, kh, kw, stride, pad, filters): HW3's 3.5 CNN (batch 32), padded and strided layers, several channels, one image, few and many filters.</summary>
    public static TheoryData<int, int, int, int, int, int, int, int, int> Layers => new()
    {
        { 32, 1, 28, 28, 7, 7, 1, 0, 64 },
        { 16, 3, 16, 16, 3, 3, 1, 1, 5 },
        { 8, 2, 30, 29, 5, 4, 2, 2, 7 },
        { 1, 1, 100, 100, 3, 3, 1, 0, 3 },
        { 3, 4, 20, 20, 8, 8, 1, 0, 16 },
        { 8, 2, 30, 29, 5, 4, 2, 2, 20 }, // more than 12 filters: the forward product reads patch columns
        { 16, 3, 16, 16, 3, 3, 1, 1, 13 },
        { 16, 1, 25, 25, 5, 5, 1, 0, 25 }, // HW6's CNN
    };

    private static (Tensor Deferred, double[] Stored) Patches(Tensor x, int kh, int kw, int stride, int pad)
    {
        var cols = Conv.Im2Col(x, kh, kw, stride, pad);
        Assert.True(cols.IsDeferred);
        var stored = Conv.Im2Col(x, kh, kw, stride, pad).ToArray(); // read: computed whole
        return (cols, stored);
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void ConvolutionProducts_OnDeferredPatches_GiveTheBitsOfTheStoredPatches(int n, int c, int h, int w, int kh, int kw, int stride, int pad, int filters)
    {
        var rng = new Rng(21);
        var x = Tensor.RandomNormal([n, c, h, w], 0, 1, rng);
        var (outH, outW, patch) = (Conv.OutputSize(h, kh, stride, pad), Conv.OutputSize(w, kw, stride, pad), c * kh * kw);
        var positions = outH * outW;
        var wFlat = Tensor.RandomNormal([filters, patch], 0, 0.1, rng);
        var g = Tensor.RandomNormal([n, filters, positions], 0, 1, rng);
        var (cols, stored) = Patches(x, kh, kw, stride, pad);
        var storedCols = Tensor.FromArray(stored, n, positions, patch);

        // Conv2D's forward product (filters times each image's patches, transposed) and its dW product.
        var forward = wFlat.MatMul(cols.Reshape(n, positions, patch).Transpose(0, 2, 1));
        var weightGradient = g.MatMul(cols.Reshape(n, positions, patch));

        Assert.True(cols.IsDeferred); // the products never stored the patches
        Assert.Equal(wFlat.MatMul(storedCols.Transpose(0, 2, 1)).ToArray(), forward.ToArray());
        Assert.Equal(g.MatMul(storedCols).ToArray(), weightGradient.ToArray());
        Assert.Equal(stored, cols.ToArray());
        Assert.False(cols.IsDeferred);
    }

    [Fact]
    public void Patches_AreThoseOfTheImagesWhenIm2ColRan()
    {
        var x = Tensor.RandomNormal([32, 1, 28, 28], 0, 1, new Rng(22));
        var before = Conv.Im2Col(x, 7, 7, 1, 0).ToArray();
        var cols = Conv.Im2Col(x, 7, 7, 1, 0);
        var view = cols.Reshape(32, 484, 49);

        x.AsSpan().Fill(5.0); // the next batch written into the same tensor

        Assert.True(cols.IsDeferred);
        Assert.Equal(before, cols.ToArray());
        Assert.Equal(before[(3 * 484 + 17) * 49 + 6], view[3, 17, 6]);
        var product = Tensor.Ones(1, 49).MatMul(Conv.Im2Col(x, 7, 7, 1, 0).Reshape(32, 484, 49).Transpose(0, 2, 1));
        Assert.All(product.ToArray(), v => Assert.Equal(5.0 * 49, v));
    }

    [Fact]
    public void Views_OfDeferredPatches_ShareOneArray()
    {
        var x = Tensor.RandomNormal([32, 1, 28, 28], 0, 1, new Rng(23));
        var cols = Conv.Im2Col(x, 7, 7, 1, 0);
        var images = cols.Reshape(32, 484, 49);
        var transposed = images.Transpose(0, 2, 1);
        Assert.True(transposed.IsDeferred);

        images[2, 10, 4] = 123.0; // a write computes the patches once, for every view

        Assert.Equal(123.0, cols[2 * 484 + 10, 4]);
        Assert.Equal(123.0, transposed[2, 4, 10]);
        Assert.False(cols.IsDeferred);
        var rowSum = 0.0;
        for (var q = 0; q < 49; q++)
        {
            rowSum += images[2, 10, q];
        }

        Assert.Equal(rowSum, Tensor.Ones(1, 49).MatMul(transposed)[2, 0, 10]); // products read the written array
    }

    [Fact]
    public void Im2Col_SmallOrOneByOne_IsComputedAtOnce()
    {
        var small = Conv.Im2Col(Tensor.RandomNormal([1, 1, 10, 10], 0, 1, new Rng(24)), 3, 3, 1, 0); // 576 values
        var oneByOne = Conv.Im2Col(Tensor.RandomNormal([64, 8, 16, 16], 0, 1, new Rng(25)), 1, 1, 1, 0); // as large as its images

        Assert.False(small.IsDeferred);
        Assert.False(oneByOne.IsDeferred);
    }
}
