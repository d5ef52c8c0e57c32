using NeuralNet;
using NeuralNet.Layers;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class AdamWTests
{
    [Fact]
    public void Step_TwoSteps_MatchPyTorchFormula()
    {
        var p = new Parameter("w", Tensor.From([1.0, -2.0]));
        var optimizer = new AdamW([p], learningRate: 0.1, weightDecay: 0.01);
        double[] g1 = [0.5, -1.0];
        double[] g2 = [0.2, 0.3];
        p.Grad.CopyFrom(Tensor.From(g1));
        optimizer.Step();
        p.Grad.CopyFrom(Tensor.From(g2));
        optimizer.Step();

        double[] w = [1.0, -2.0];
        double[] m = [0, 0];
        double[] v = [0, 0];
        double[][] grads = [g1, g2];
        for (var t = 1; t <= 2; t++)
        {
            for (var i = 0; i < 2; i++)
            {
                var g = grads[t - 1][i];
                w[i] *= 1 - 0.1 * 0.01;
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                w[i] -= 0.1 * (m[i] / (1 - Math.Pow(0.9, t))) / (Math.Sqrt(v[i] / (1 - Math.Pow(0.999, t))) + 1e-8);
            }
        }

        Assert.Equal(w[0], p.Value[0], 14);
        Assert.Equal(w[1], p.Value[1], 14);
        Assert.Equal(2, optimizer.StepCount);
    }

    [Fact]
    public void Step_FirstStep_MovesEachWeightByAboutLearningRate()
    {
        // With bias correction the first Adam step is lr * g / |g| whatever the gradient's scale.
        var p = new Parameter("w", Tensor.From([0.0, 0.0]));
        var optimizer = new AdamW([p], learningRate: 0.01);
        p.Grad.CopyFrom(Tensor.From([1e-3, -50.0]));
        optimizer.Step();
        Assert.Equal(-0.01, p.Value[0], 6);
        Assert.Equal(0.01, p.Value[1], 9);
    }

    [Fact]
    public void Constructor_NonPositiveLearningRate_Throws()
    {
        var p = new Parameter("w", Tensor.Zeros(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([p], learningRate: 0.0));
    }
}
