using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Layers;

namespace Autograder.Tests.Gradients;

/// <summary>Compares a module's backward pass with central differences of sum(forward(x) * g) for a seeded random g.</summary>
internal static class ModuleGradients
{
    public const double Epsilon = 1e-5;

    /// <summary>The worst relative error over dX and every parameter's gradient.</summary>
    public static double WorstRelError(Module module, Tensor x, ulong seed = 7)
    {
        var output = module.Forward(x);
        var g = Tensor.RandomNormal(output.Shape, 0, 1, new Rng(seed));
        var dX = module.Backward(x, g);
        var analytic = new List<(Tensor Analytic, Tensor Perturbed)> { (dX, x) };
        analytic.AddRange(module.Parameters.Select(p => (p.Grad.Clone(), p.Value)));
        var worst = 0.0;
        foreach (var (grad, perturbed) in analytic)
        {
            var numeric = GradientChecker.NumericalGradient(() => module.Forward(x), perturbed, g, Epsilon);
            worst = Math.Max(worst, GradientChecker.RelError(grad, numeric));
        }

        return worst;
    }
}
