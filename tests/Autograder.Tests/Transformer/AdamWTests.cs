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
        var optimizer = new AdamW(learningRate: 0.1, weightDecay: 0.01);
        double[] g1 = [0.5, -1.0];
        double[] g2 = [0.2, 0.3];
        p.Grad = Tensor.From(g1);
        optimizer.Step([p]);
        p.Grad = Tensor.From(g2);
        optimizer.Step([p]);

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
        Assert.Equal(2, optimizer.StepCount(p));
    }

    [Fact]
    public void Step_FirstStep_MovesEachWeightByAboutLearningRate()
    {
        // With bias correction the first Adam step is lr * g / |g| whatever the gradient's scale.
        var p = new Parameter("w", Tensor.From([0.0, 0.0]));
        var optimizer = new AdamW(learningRate: 0.01);
        p.Grad = Tensor.From([1e-3, -50.0]);
        optimizer.Step([p]);
        Assert.Equal(-0.01, p.Value[0], 6);
        Assert.Equal(0.01, p.Value[1], 9);
    }

    [Fact]
    public void Step_ZeroGradient_OnlyDecaysWeights()
    {
        var p = new Parameter("w", Tensor.From([2.0]));
        new AdamW(learningRate: 0.5, weightDecay: 0.1).Step([p]);
        Assert.Equal(2.0 * (1 - 0.05), p.Value[0], 14);
    }

    [Fact]
    public void Step_KeepsMomentsPerParameter()
    {
        var a = new Parameter("a", Tensor.From([0.0]));
        var b = new Parameter("b", Tensor.From([0.0]));
        var optimizer = new AdamW(learningRate: 0.1, weightDecay: 0.0);
        a.Grad = Tensor.From([1.0]);
        optimizer.Step([a]);
        optimizer.Step([a]);
        b.Grad = Tensor.From([1.0]);
        optimizer.Step([b]);
        Assert.Equal(2, optimizer.StepCount(a));
        Assert.Equal(1, optimizer.StepCount(b));
        Assert.Equal(-0.1, b.Value[0], 6);
    }

    [Fact]
    public void Constructor_NonPositiveLearningRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW(learningRate: 0.0));
    }
}
