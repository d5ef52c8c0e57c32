using Autograder.Tests.Gradients;
using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Layers;
using NeuralNet.Models;
using NeuralNet.Models.Hw3;
using NeuralNet.Models.Hw6;

namespace Autograder.Tests.Models;

public sealed class SequentialModelsTests
{
    [Fact]
    public void ParameterCount_Hw3OodModels_MatchTheHandout()
    {
        var rng = new Rng(1);
        Assert.Equal(101770, Hw3OodModels.Mlp(rng).ParameterCount);
        Assert.Equal(80650, Hw3OodModels.TwoLayerCnn(rng).ParameterCount);
        Assert.Equal(68106, Hw3OodModels.ThreeLayerCnn(rng).ParameterCount);
    }

    [Fact]
    public void Hw3Cnns_ProduceTenLogitsPerImage()
    {
        var rng = new Rng(1);
        var x = Tensor.RandomUniform([2, 784], 0, 1, rng);
        Assert.Equal(new[] { 2, 10 }, Hw3OodModels.TwoLayerCnn(rng).Network.Forward(x).Shape);
        Assert.Equal(new[] { 2, 10 }, Hw3OodModels.ThreeLayerCnn(rng).Network.Forward(x).Shape);
    }

    [Fact]
    public void Hw6Mlp_HasTheScriptsModuleNamesAndSizes()
    {
        var mlp = Hw6Models.Mlp(new Rng(1), 0.5);
        Assert.Equal(["L1", "nonlinear1", "drop1", "L2"], mlp.Network.Layers.Select(l => l.Name));
        Assert.Equal(784 * 1000 + 1000 + 1000 * 10 + 10, mlp.ParameterCount);
    }

    [Fact]
    public void Hw6LogisticRegression_DropsTheNonlinearity()
    {
        var lr = Hw6Models.LogisticRegression(new Rng(1), 0, inputDim: 4);
        Assert.Equal(["L1", "drop1", "L2"], lr.Network.Layers.Select(l => l.Name));
    }

    [Fact]
    public void Hw6Cnns_HaveFigureThreeAndFourSizes()
    {
        var rng = new Rng(1);
        Assert.Equal(25 * 25 + 25 + 4900 * 10 + 10, Hw6Models.Cnn(rng, 0.5).ParameterCount);
        var cnn2 = Hw6Models.Cnn2(rng, 0.5);
        Assert.Equal(["image", "C1", "nonlinear1", "M1", "C2", "nonlinear2", "M2", "F1", "drop1", "L1"], cnn2.Network.Layers.Select(l => l.Name));
        Assert.Equal(25 * 25 + 25 + 25 * 25 * 25 + 25 + 1225 * 10 + 10, cnn2.ParameterCount);
        Assert.Equal(new[] { 1, 10 }, cnn2.Network.Forward(Tensor.Zeros(1, 784)).Shape);
    }

    [Fact]
    public void SequentialBackward_SmallCnn_MatchesNumericalGradient()
    {
        var rng = new Rng(5);
        var net = new Sequential(
            ("C1", new Conv2D(1, 2, 3, rng, 1, 1)),
            ("nonlinear1", new Tanh()),
            ("M1", new MaxPool2D(2, 2)),
            ("F1", new Flatten()),
            ("L1", new Linear(2 * 3 * 3, 4, rng)),
            ("nonlinear2", new Sigmoid()));
        var x = Tensor.RandomNormal([2, 1, 6, 6], 0, 1, rng);
        Assert.True(ModuleGradients.WorstRelError(net, x) < GradientTolerances.Model);
    }

    [Fact]
    public void ClassifierBackward_Cnn2OnTinyBatch_MatchesNumericalGradient()
    {
        var rng = new Rng(8);
        var model = Hw6Models.Cnn2(rng, dropoutRate: 0.0);
        var x = Tensor.RandomUniform([1, 784], 0, 1, rng);
        int[] y = [3];
        var (logits, _) = model.Forward(x, y);
        model.Backward(x, logits, y);
        // A few entries of C2 keep the test fast; the layers themselves are checked entry by entry elsewhere.
        foreach (var p in model.Network["C2"].Parameters)
        {
            foreach (var index in new[] { new[] { 3, 7, 2, 4 } })
            {
                var entry = p.Value.Rank == 1 ? [index[0]] : index;
                var numeric = GradientChecker.ApproximateEntry(() => model.Forward(x, y).Loss, p.Value, entry, 1e-5);
                Assert.True(GradientChecker.RelError(p.Grad[entry], numeric) < GradientTolerances.Model, $"{p.Name}[{string.Join(",", entry)}]");
            }
        }
    }

    [Fact]
    public void ClassifierPredict_TurnsDropoutOffAndBackOn()
    {
        var rng = new Rng(3);
        var model = Hw6Models.Mlp(rng, dropoutRate: 0.5, inputDim: 4);
        var x = Tensor.RandomNormal([5, 4], 0, 1, rng);
        var first = model.Predict(x);
        Assert.Equal(first, model.Predict(x));
        Assert.True(model.Network.Training);
    }

    [Fact]
    public void SequentialBackward_WithoutForward_Throws()
    {
        var net = new Sequential(("relu", new Relu()));
        Assert.Throws<InvalidOperationException>(() => net.Backward(Tensor.Zeros(1, 2), Tensor.Zeros(1, 2)));
    }

    [Fact]
    public void Sequential_DuplicateOrMissingNames_AreReported()
    {
        Assert.Throws<ArgumentException>(() => new Sequential(("a", new Relu()), ("a", new Tanh())));
        var error = Assert.Throws<KeyNotFoundException>(() => new Sequential(("L1", new Relu()))["L2"]);
        Assert.Contains("L1", error.Message);
    }
}
