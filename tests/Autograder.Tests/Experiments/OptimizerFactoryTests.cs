using NeuralNet;
using NeuralNet.Experiments;
using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace Autograder.Tests.Experiments;

public sealed class OptimizerFactoryTests
{
    private static Parameter[] Params(ulong seed)
    {
        var rng = new Rng(seed);
        var w = new Parameter("W", Tensor.RandomNormal([3, 4], 0, 1, rng)) { Grad = Tensor.RandomNormal([3, 4], 0, 1, rng) };
        var b = new Parameter("b", Tensor.RandomNormal([1, 4], 0, 1, rng)) { Grad = Tensor.RandomNormal([1, 4], 0, 1, rng) };
        return [w, b];
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.9, 0.0)]
    [InlineData(0.5, 0.01)]
    public void Create_Hw6_StepsExactlyLikeMiniBatchSgd(double alpha, double lambda)
    {
        var (optimizer, setRate) = CourseCatalog.Default.CreateOptimizer(new OptimizerConfig { Type = "hw6", LearningRate = 0.1, Momentum = alpha, WeightDecay = lambda });
        var reference = new MiniBatchSgd(0.1, alpha, lambda);
        var a = Params(1);
        var b = Params(1);

        optimizer.Step(a);
        reference.Step(b);
        setRate(0.01);
        reference.LearningRate = 0.01;
        optimizer.Step(a);
        reference.Step(b);

        Assert.Equal(b[0].Value.ToArray(), a[0].Value.ToArray());
        Assert.Equal(b[1].Value.ToArray(), a[1].Value.ToArray());
    }

    [Fact]
    public void Create_SgdWithL2_LeavesBiasesUnregularised()
    {
        var (optimizer, _) = CourseCatalog.Default.CreateOptimizer(new OptimizerConfig { Type = "sgd", LearningRate = 0.1, L2 = 0.5 });
        var p = Params(2);
        var w0 = p[0].Value.ToArray();
        var gw = p[0].Grad.ToArray();
        var b0 = p[1].Value.ToArray();
        var gb = p[1].Grad.ToArray();

        optimizer.Step(p);

        Assert.Equal(w0[0] - (0.1 * (gw[0] + (0.5 * w0[0]))), p[0].Value.ToArray()[0], 12);
        Assert.Equal(b0[0] - (0.1 * gb[0]), p[1].Value.ToArray()[0], 12);
    }
}
