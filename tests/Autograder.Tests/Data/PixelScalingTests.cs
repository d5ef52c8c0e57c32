using NeuralNet.Data;

namespace Autograder.Tests.Data;

/// <summary>Pixel bytes scaled to [0, 1] exactly as numpy's <c>x / 255.0</c>, on the vector path and the scalar tail.</summary>
public sealed class PixelScalingTests
{
    [Theory]
    [InlineData(0, 256)]
    [InlineData(3, 256)]
    [InlineData(1, 7)]
    [InlineData(5, 3920)]
    public void ToUnitRange_EveryByteValue_GivesTheBitsOfItsDivisionBy255(int offset, int length)
    {
        // i * 37 mod 256 takes every byte value in any 256 consecutive positions (37 is odd); offsets that are not
        // multiples of 8 and lengths with and without a tail of fewer than 8.
        var pixels = new byte[offset + length];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(i * 37 % 256);
        }

        var destination = new double[length + 2];
        Array.Fill(destination, double.NaN);

        PixelScaling.ToUnitRange(pixels.AsSpan(offset, length), destination);

        for (var i = 0; i < length; i++)
        {
            var expected = pixels[offset + i] / 255.0;
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(destination[i]),
                $"pixel {i} = {pixels[offset + i]}: expected {expected:R}, found {destination[i]:R}");
        }

        Assert.True(double.IsNaN(destination[length]) && double.IsNaN(destination[length + 1]), "wrote past the pixels");
    }
}
