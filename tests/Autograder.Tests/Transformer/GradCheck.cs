using NeuralNet;
using NeuralNet.Layers;

namespace Autograder.Tests.Transformer;

/// <summary>Central-difference gradient checks for the transformer tests (double precision, eps 1e-6).</summary>
internal static class GradCheck
{
    /// <summary>Tolerance on <see cref="RelativeError"/>: double-precision central differences agree to ~1e-9.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>
    /// max |analytic - numeric| / max(max |analytic|, max |numeric|, 1e-8): the worst error relative to
    /// the gradient's own scale, so entries that are zero up to round-off do not dominate.
    /// </summary>
    public static double RelativeError(Tensor analytic, Tensor numeric)
    {
        var a = analytic.ToArray();
        var n = numeric.ToArray();
        Assert.Equal(a.Length, n.Length);
        var worst = 0.0;
        var scale = 1e-8;
        for (var i = 0; i < a.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(a[i] - n[i]));
            scale = Math.Max(scale, Math.Max(Math.Abs(a[i]), Math.Abs(n[i])));
        }

        return worst / scale;
    }

    /// <summary>d f / d values by central differences, perturbing <paramref name="values"/> in place (restored afterwards).</summary>
    public static Tensor Numerical(Func<double> f, Tensor values, double eps = 1e-6)
    {
        var span = values.AsSpan();
        var grad = new double[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            var saved = values.AsSpan()[i];
            values.AsSpan()[i] = saved + eps;
            var plus = f();
            values.AsSpan()[i] = saved - eps;
            var minus = f();
            values.AsSpan()[i] = saved;
            grad[i] = (plus - minus) / (2 * eps);
        }

        return Tensor.FromArray(grad, values.Shape);
    }

    /// <summary>
    /// Checks a module's Backward against central differences of L = sum(Forward(x) * G) for a random
    /// upstream gradient G: the gradient w.r.t. x and w.r.t. every parameter.
    /// </summary>
    public static void AssertModuleGradients(Module module, Tensor x, Rng rng)
    {
        var y = module.Forward(x);
        var g = Tensor.RandomNormal(y.Shape, 0, 1, rng);
        var dx = module.Backward(x, g);
        var analytic = module.Parameters.Select(p => p.Grad.Clone()).ToArray();
        double Loss() => (module.Forward(x) * g).Sum();

        var inputError = RelativeError(dx, Numerical(Loss, x));
        Assert.True(inputError < Tolerance, $"{module.GetType().Name}: dx relative error {inputError:E2} >= {Tolerance:E0}");
        for (var i = 0; i < analytic.Length; i++)
        {
            var parameter = module.Parameters[i];
            var error = RelativeError(analytic[i], Numerical(Loss, parameter.Value));
            Assert.True(error < Tolerance, $"{module.GetType().Name}: d{parameter.Name} (parameter {i}) relative error {error:E2} >= {Tolerance:E0}");
        }
    }

    /// <summary>
    /// Asserts that output positions 0..t do not change when inputs after t change, and that later
    /// positions do (so the check is not vacuous).
    /// </summary>
    public static void AssertCausal(Module module, Tensor x, int t, Rng rng)
    {
        var before = module.Forward(x).Clone();
        var changed = x.Clone();
        var shape = x.Shape;
        var perStep = x.Size / (shape[0] * shape[1]);
        var span = changed.AsSpan();
        for (var b = 0; b < shape[0]; b++)
        {
            for (var s = t + 1; s < shape[1]; s++)
            {
                for (var c = 0; c < perStep; c++)
                {
                    span[(b * shape[1] + s) * perStep + c] += 1.0 + rng.NextDouble();
                }
            }
        }

        var after = module.Forward(changed);
        var outPerStep = before.Size / (shape[0] * shape[1]);
        var laterDiffers = false;
        for (var b = 0; b < shape[0]; b++)
        {
            for (var s = 0; s < shape[1]; s++)
            {
                for (var c = 0; c < outPerStep; c++)
                {
                    var i = (b * shape[1] + s) * outPerStep + c;
                    var same = before.AsSpan()[i] == after.AsSpan()[i];
                    if (s <= t)
                    {
                        Assert.True(same, $"output at b={b}, t={s}, c={c} changed when only inputs after t={t} changed");
                    }
                    else
                    {
                        laterDiffers |= !same;
                    }
                }
            }
        }

        Assert.True(laterDiffers, "outputs after t did not change either; the causal check would pass vacuously");
    }
}
