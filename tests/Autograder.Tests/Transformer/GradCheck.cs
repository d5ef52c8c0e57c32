using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Layers;

namespace Autograder.Tests.Transformer;

/// <summary>
/// Central-difference gradient checks of the transformer modules with the course's <see cref="GradientChecker"/>
/// (eps 1e-5, element-wise relative error with floor 1e-8), on tiny inputs (B = 2, T = 3, C = 4).
/// </summary>
internal static class GradCheck
{
    /// <summary>Perturbation of the central differences.</summary>
    public const double Epsilon = 1e-5;

    /// <summary>
    /// Tolerance for one module (attention, layer norm, feed-forward, block): smooth functions, so a correct
    /// backward lands near 1e-9; a wrong one near 1.
    /// </summary>
    public const double Tolerance = 1e-6;

    /// <summary>The worst element-wise relative error.</summary>
    public static double RelativeError(Tensor analytic, Tensor numeric) => GradientChecker.RelError(analytic, numeric);

    /// <summary>d f / d values by central differences (values perturbed in place and restored).</summary>
    public static Tensor Numerical(Func<double> f, Tensor values) => GradientChecker.NumericalGradient(f, values, Epsilon);

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
