using NeuralNet;
using NeuralNet.Data;

namespace Autograder.Tests.Data;

public sealed class ImageTransformsTests
{
    // One 2 x 3 image [[1, 2, 3], [4, 5, 6]] (values / 10 to stay in [0, 1]) and a second one negated in order.
    private static Dataset TwoByThree() =>
        new(Tensor.FromArray([.1, .2, .3, .4, .5, .6, .6, .5, .4, .3, .2, .1], 2, 6), [4, 7], imageHeight: 2, imageWidth: 3);

    private static double[] Image(Dataset d, int n) => d.X.Slice(n, 1).ToArray().Select(v => Math.Round(v * 10)).ToArray();

    [Fact]
    public void ShiftUp_MovesRowsUpAndFillsTheBottomWithZeros()
    {
        var data = new Dataset(Tensor.FromArray([.1, .2, .3, .4, .5, .6, .7, .8, .9], 1, 9), [2], 3, 3);

        var shifted = ImageTransforms.ShiftUp(data, 1);

        Assert.Equal([4.0, 5, 6, 7, 8, 9, 0, 0, 0], Image(shifted, 0));
        Assert.Equal([2], shifted.Labels);
        Assert.Equal([1.0, 2, 3, 4, 5, 6, 7, 8, 9], Image(data, 0));
    }

    [Fact]
    public void ShiftUp_ByFourOn28x28_MovesPixelFourRowsUp()
    {
        var x = Tensor.Zeros(1, 784);
        x[0, 10 * 28 + 5] = 1.0;
        x[0, 2 * 28 + 5] = 0.5;
        var shifted = ImageTransforms.ShiftUp(new Dataset(x, [0]), 4);

        Assert.Equal(1.0, shifted.X[0, 6 * 28 + 5]);
        Assert.Equal(1.0, shifted.X.Sum());
    }

    [Fact]
    public void Shift_RightAndDown_ZeroFillsTopLeft()
    {
        var data = new Dataset(Tensor.FromArray([.1, .2, .3, .4, .5, .6, .7, .8, .9], 1, 9), [2], 3, 3);

        Assert.Equal([0.0, 0, 0, 0, 1, 2, 0, 4, 5], Image(ImageTransforms.Shift(data, 1, 1), 0));
    }

    [Fact]
    public void Rotate90_IsCounterClockwiseLikeNumpyRot90()
    {
        // np.rot90([[1, 2, 3], [4, 5, 6]]) == [[3, 6], [2, 5], [1, 4]]
        var rotated = ImageTransforms.Rotate(TwoByThree(), 90);

        Assert.Equal((3, 2), (rotated.ImageHeight, rotated.ImageWidth));
        Assert.Equal([3.0, 6, 2, 5, 1, 4], Image(rotated, 0));
        Assert.Equal([4.0, 1, 5, 2, 6, 3], Image(rotated, 1));
        Assert.Equal([4, 7], rotated.Labels);
    }

    [Fact]
    public void Rotate180_ReversesTheImage()
    {
        Assert.Equal([6.0, 5, 4, 3, 2, 1], Image(ImageTransforms.Rotate(TwoByThree(), 180), 0));
    }

    [Fact]
    public void Rotate270_IsClockwiseAndEqualsMinus90()
    {
        // np.rot90([[1, 2, 3], [4, 5, 6]], 3) == [[4, 1], [5, 2], [6, 3]]
        var rotated = ImageTransforms.Rotate(TwoByThree(), 270);

        Assert.Equal([4.0, 1, 5, 2, 6, 3], Image(rotated, 0));
        Assert.Equal(Image(rotated, 0), Image(ImageTransforms.Rotate(TwoByThree(), -90), 0));
    }

    [Fact]
    public void Rotate_FourQuarterTurns_GivesTheOriginal()
    {
        var data = TwoByThree();
        var turned = data;
        for (int i = 0; i < 4; i++)
        {
            turned = ImageTransforms.Rotate(turned, 90);
        }

        Assert.True(turned.X.AllClose(data.X, 0, 0));
        Assert.Equal((2, 3), (turned.ImageHeight, turned.ImageWidth));
    }

    [Fact]
    public void Rotate_NotAMultipleOf90_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageTransforms.Rotate(TwoByThree(), 45));

        Assert.Contains("45 degrees is not a multiple of 90", e.Message);
    }
}
