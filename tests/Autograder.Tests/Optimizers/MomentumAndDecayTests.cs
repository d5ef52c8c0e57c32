using NeuralNet;
using NeuralNet.Layers;
using NeuralNet.Optimizers;

namespace Autograder.Tests.Optimizers;

public sealed class MomentumAndDecayTests
{
    private static Parameter Param(string name, double value) => new(name, Tensor.From([value]));

    [Fact]
    public void MomentumSgd_TwoSteps_MatchHandComputedUpdates()
    {
        var w = Param("W", 1.0);
        var sgd = new MomentumSgd(learningRate: 0.1, alpha: 0.5);
        w.Grad = Tensor.From([2.0]);
        sgd.Step([w]); // v = 2, w = 1 - 0.2 = 0.8
        Assert.Equal(0.8, w.Value[0], 12);
        w.Grad = Tensor.From([1.0]);
        sgd.Step([w]); // v = 0.5 * 2 + 1 = 2, w = 0.8 - 0.2 = 0.6
        Assert.Equal(2.0, sgd.Velocity(w)[0], 12);
        Assert.Equal(0.6, w.Value[0], 12);
    }

    [Fact]
    public void MomentumSgd_KeepsOneVelocityPerParameter()
    {
        var a = Param("W", 0.0);
        var b = Param("b", 0.0);
        var sgd = new MomentumSgd(1.0, 0.9);
        a.Grad = Tensor.From([1.0]);
        b.Grad = Tensor.From([-1.0]);
        sgd.Step([a, b]);
        Assert.Equal(1.0, sgd.Velocity(a)[0]);
        Assert.Equal(-1.0, sgd.Velocity(b)[0]);
    }

    [Fact]
    public void MomentumSgd_AlphaZero_IsPlainSgd()
    {
        var w = Param("W", 1.0);
        var sgd = new MomentumSgd(0.5, 0.0);
        for (var i = 0; i < 3; i++)
        {
            w.Grad = Tensor.From([1.0]);
            sgd.Step([w]);
        }

        Assert.Equal(-0.5, w.Value[0], 12);
    }

    [Fact]
    public void WeightDecay_AddsLambdaTimesWeight()
    {
        var g = WeightDecay.Gradient(Tensor.From([1.0, -1.0]), Tensor.From([2.0, 4.0]), 0.5);
        Assert.Equal(new double[] { 2.0, 1.0 }, g.ToArray());
    }

    [Fact]
    public void MiniBatchSgd_WeightDecayAndMomentum_MatchHandComputedSteps()
    {
        var w = Param("W", 1.0);
        var b = Param("b", 1.0);
        var sgd = new MiniBatchSgd(learningRate: 0.1, alpha: 0.5, lambda: 0.2);
        w.Grad = Tensor.From([1.0]);
        b.Grad = Tensor.From([0.0]);
        sgd.Step([w, b]);
        // g = 1 + 0.2 = 1.2, v = -0.12, w = 0.88; the bias decays too (HW6 decays every parameter).
        Assert.Equal(0.88, w.Value[0], 12);
        Assert.Equal(1.0 - 0.1 * 0.2, b.Value[0], 12);
        sgd.Step([w, b]);
        // g = 1 + 0.176 = 1.176, v = -0.06 - 0.1176 = -0.1776, w = 0.7024
        Assert.Equal(0.7024, w.Value[0], 12);
    }

    [Fact]
    public void MiniBatchSgd_ConstantRate_EqualsHw3Momentum()
    {
        var a = Param("W", 0.3);
        var b = Param("W", 0.3);
        var hw6 = new MiniBatchSgd(0.05, alpha: 0.9);
        var hw3 = new MomentumSgd(0.05, 0.9);
        for (var i = 0; i < 5; i++)
        {
            a.Grad = Tensor.From([a.Value[0] * 2 - 1]);
            b.Grad = Tensor.From([b.Value[0] * 2 - 1]);
            hw6.Step([a]);
            hw3.Step([b]);
        }

        Assert.Equal(b.Value[0], a.Value[0], 12);
    }

    [Fact]
    public void L2Penalty_SkipsBiases()
    {
        Parameter[] ps = [Param("W1", 2.0), Param("b1", 10.0), Param("W2", -1.0)];
        Assert.Equal(0.5 * 0.1 * 5.0, L2Regularization.Penalty(ps, 0.1), 12);
    }

    [Fact]
    public void L2ApplyToGradients_AddsLambdaWToWeightsOnly()
    {
        var w = Param("W1", 2.0);
        var b = Param("b1", 3.0);
        w.Grad = Tensor.From([1.0]);
        b.Grad = Tensor.From([1.0]);
        L2Regularization.ApplyToGradients([w, b], 0.5);
        Assert.Equal(2.0, w.Grad[0]);
        Assert.Equal(1.0, b.Grad[0]);
    }
}
