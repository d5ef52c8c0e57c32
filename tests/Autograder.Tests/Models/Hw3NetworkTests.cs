using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Models.Hw3;

namespace Autograder.Tests.Models;

public sealed class Hw3NetworkTests
{
    private static (Hw3Mlp Model, Tensor X, int[] Y) Small(ulong seed = 21)
    {
        var rng = new Rng(seed);
        var model = new Hw3Mlp(rng, inputDim: 6, hidden: 5, classes: 3);
        var x = Tensor.RandomNormal([4, 6], 0, 1, rng);
        return (model, x, [0, 2, 1, 2]);
    }

    [Fact]
    public void ParameterCount_Mlp784x128x10_Is101770()
    {
        Assert.Equal(101770, new Hw3Mlp(new Rng(1), hidden: 128).ParameterCount);
    }

    [Fact]
    public void Constructor_DefaultsToHw3Sizes()
    {
        var model = new Hw3Mlp(new Rng(1));
        Assert.Equal(new[] { 784, 1000 }, model.L1.W.Value.Shape);
        Assert.Equal(new[] { 1000, 10 }, model.L2.W.Value.Shape);
        Assert.Equal(["L1", "nonlinear1", "L2"], model.Layers.Select(l => l.Name));
    }

    [Fact]
    public void ForwardPass_ReturnsEveryIntermediate()
    {
        var (model, x, y) = Small();
        var f = Hw3Network.ForwardPass(model, x, y);
        Assert.Equal(new[] { 4, 5 }, f.A1.Shape);
        Assert.Equal(f.A1.Maximum(0.0).ToArray(), f.H1.ToArray());
        Assert.Equal(model.L2.Forward(f.H1).ToArray(), f.A2.ToArray());
        Assert.Equal(model.Loss.Forward(f.A2, y), f.Loss);
    }

    [Fact]
    public void BackwardPass_MatchesNumericalGradientOfEveryParameter()
    {
        var (model, x, y) = Small();
        var f = Hw3Network.ForwardPass(model, x, y);
        Hw3Network.BackwardPass(model, x, f.A1, f.H1, f.A2, y);
        foreach (var p in model.Parameters)
        {
            var numeric = GradientChecker.NumericalGradient(() => Hw3Network.ForwardPass(model, x, y).Loss, p.Value, 1e-5);
            Assert.True(GradientChecker.RelError(p.Grad, numeric) < GradientTolerances.Model, $"{p.Name}");
        }
    }

    [Fact]
    public void BackwardPass_ReturnsInputGradient()
    {
        var (model, x, y) = Small();
        var f = Hw3Network.ForwardPass(model, x, y);
        var dX = Hw3Network.BackwardPass(model, x, f.A1, f.H1, f.A2, y);
        var numeric = GradientChecker.NumericalGradient(() => Hw3Network.ForwardPass(model, x, y).Loss, x, 1e-5);
        Assert.True(GradientChecker.RelError(dX, numeric) < GradientTolerances.Model);
    }

    [Fact]
    public void GradientChecker_ReportsFourAgreeingEntriesAndRestoresWeights()
    {
        var (model, x, y) = Small();
        var before = model.Parameters.Select(p => p.Value.ToArray()).ToList();
        var entries = Hw3Network.GradientChecker(model, x, y);
        Assert.Equal(["L1.W", "L1.b", "L2.W", "L2.b"], entries.Select(e => $"{e.Layer}.{e.Parameter}"));
        Assert.All(entries, e => Assert.True(e.RelativeError < GradientTolerances.Hw3Entry, $"{e}"));
        Assert.Equal(before, model.Parameters.Select(p => p.Value.ToArray()).ToList());
    }

    [Fact]
    public void MiniBatchGradientDescent_LowersTheLossOnTheBatch()
    {
        var (model, x, y) = Small();
        var first = Hw3Network.ForwardPass(model, x, y);
        Hw3Network.BackwardPass(model, x, first.A1, first.H1, first.A2, y);
        Hw3Network.MiniBatchGradientDescent(model, 0.1);
        Assert.True(Hw3Network.ForwardPass(model, x, y).Loss < first.Loss);
    }

    [Fact]
    public void Predict_IsArgmaxOfLogits()
    {
        var (model, x, y) = Small();
        Assert.Equal(Hw3Network.ForwardPass(model, x, y).A2.ArgMaxRows(), Hw3Network.Predict(model, x));
    }
}
