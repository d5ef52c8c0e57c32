namespace NeuralNet;

/// <summary>
/// Functions computed with IEEE-754 basic operations only (+, -, *, /, sqrt are correctly rounded
/// everywhere), so they give bit-identical results on every platform. Used where reproducibility
/// across machines matters more than the last bit of speed: random number generation.
/// </summary>
public static class PortableMath
{
    private const double Ln2 = 0.6931471805599453094172321;

    /// <summary>Natural logarithm of a positive finite number, accurate to about 1 ulp.</summary>
    public static double Log(double x)
    {
        if (!(x > 0) || double.IsInfinity(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "PortableMath.Log needs a positive finite number.");
        }

        // x = m * 2^e with m in [sqrt(1/2), sqrt(2)); ln x = e ln 2 + 2 atanh((m - 1) / (m + 1)).
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF);
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range first.
            return Log(x * 4503599627370496.0) - 52 * Ln2;
        }

        var e = exponent - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            e++;
        }

        var s = (m - 1.0) / (m + 1.0);
        var s2 = s * s;
        // |s| <= 0.1716, so 2 s sum s^(2k)/(2k+1) for k <= 12 is below 1e-19 relative error.
        var sum = 0.0;
        for (var k = 12; k >= 1; k--)
        {
            sum = s2 * (1.0 / (2 * k + 1) + sum);
        }

        return e * Ln2 + 2.0 * s * (1.0 + sum);
    }
}
