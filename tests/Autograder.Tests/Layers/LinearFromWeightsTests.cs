using NeuralNet;
using NeuralNet.Layers;
using NeuralNet.Models.Hw3;

namespace Autograder.Tests.Layers;

public sealed class LinearFromWeightsTests
{
    [Fact]
    public void FromWeights_CopiesParametersAndZeroesGradients()
    {
        var w = Tensor.FromArray([1, 2, 3, 4, 5, 6], 3, 2);
        var b = Tensor.FromArray([0.5, -0.5], 1, 2);

        var layer = Linear.FromWeights(w, b);
        w[0, 0] = 100;

        Assert.Equal(1.0, layer.W.Value[0, 0]);
        Assert.Equal((3, 2), (layer.InputDim, layer.OutputDim));
        Assert.Equal(0.0, layer.W.Grad.Abs().Sum());
        Assert.Equal(new double[] { 1.5, 1.5 }, layer.Forward(Tensor.FromArray([1, 0, 0], 1, 3)).ToArray());
    }

    [Fact]
    public void FromWeights_BiasOfWrongShape_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Linear.FromWeights(Tensor.Zeros(3, 2), Tensor.Zeros(2)));
        Assert.Contains("W (3, 2)", ex.Message);
        Assert.Contains("b (2,)", ex.Message);
    }

    [Fact]
    public void Hw3Mlp_FromLayers_RejectsMismatchedSizes()
    {
        var l1 = Linear.FromWeights(Tensor.Zeros(4, 3), Tensor.Zeros(1, 3));
        var l2 = Linear.FromWeights(Tensor.Zeros(5, 2), Tensor.Zeros(1, 2));
        var ex = Assert.Throws<ArgumentException>(() => new Hw3Mlp(l1, l2));
        Assert.Contains("L1 gives 3 features but L2 expects 5", ex.Message);
    }
}
