using NeuralNet.Gradients;

namespace PublicTests.Checks;

/// <summary>Public check 3.1.5, part gradcheck.approximate: the central-difference approximation of one gradient entry, eps = 1e-3.</summary>
[Points("3.1.5", 4, Part = "gradcheck.approximate")]
public sealed class GradcheckApproximateTests
{
    [Fact]
    public void ApproximateEntry_OfCubic_IsCentralDifference() => Check.Run(() =>
    {
        var w = Tensor.RandomNormal([2, 3], 0, 1, new Rng(9));
        var before = w.Clone();

        var approx = GradientChecker.ApproximateEntry(() => (w * w * w).Sum(), w, [1, 2], 1e-3);

        // d/dw sum(w^3) = 3 w^2; the central difference is off by eps^2 = 1e-6 only, a one-sided one by about 3 w eps.
        Expect.Close("ApproximateEntry(sum(w^3), w, [1, 2], 1e-3)", 3 * before[1, 2] * before[1, 2], approx, rtol: 0, atol: 2e-6);
        Expect.Close("w after the call (restore the entry you nudged)", before, w, rtol: 0, atol: 1e-15);
    });
}
