using NeuralNet;
using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace Autograder.Tests.Optimizers;

public sealed class SgdTests
{
    private static Parameter Param(string name, double[] value, double[] grad)
    {
        var p = new Parameter(name, Tensor.From(value));
        p.Grad = Tensor.From(grad);
        return p;
    }

    [Fact]
    public void Step_SubtractsLearningRateTimesGradient()
    {
        var w = Param("W", [1.0, -2.0], [0.5, 1.0]);
        var b = Param("b", [3.0], [-2.0]);
        new Sgd(0.1).Step([w, b]);
        Assert.Equal(0.95, w.Value[0], 12);
        Assert.Equal(-2.1, w.Value[1], 12);
        Assert.Equal(3.2, b.Value[0], 12);
    }

    [Fact]
    public void Step_WithL2_RegularisesWeightsButNotBiases()
    {
        var w = Param("W1", [2.0], [0.0]);
        var b = Param("b1", [2.0], [0.0]);
        new Sgd(0.5, l2: 0.1).Step([w, b]);
        Assert.Equal(2.0 - 0.5 * 0.1 * 2.0, w.Value[0], 12);
        Assert.Equal(2.0, b.Value[0], 12);
    }

    [Fact]
    public void Step_KeepsTheSameValueTensor()
    {
        var w = Param("W", [1.0], [1.0]);
        var before = w.Value;
        new Sgd(1).Step([w]);
        Assert.Same(before, w.Value);
        Assert.Equal(0.0, before[0]);
    }
}
