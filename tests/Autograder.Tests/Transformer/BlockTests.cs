using NeuralNet;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class BlockTests
{
    [Fact]
    public void Backward_SmallInput_MatchesNumericalGradient()
    {
        var rng = new Rng(41);
        var block = new Block(nEmbd: 4, nHead: 2, blockSize: 3, dropout: 0.0, rng);
        GradCheck.AssertModuleGradients(block, Tensor.RandomNormal([2, 3, 4], 0, 1, rng), rng);
    }

    [Fact]
    public void Forward_OutputAtT_DoesNotDependOnLaterInputs()
    {
        var rng = new Rng(42);
        var block = new Block(4, 2, blockSize: 4, dropout: 0.0, rng);
        GradCheck.AssertCausal(block, Tensor.RandomNormal([2, 4, 4], 0, 1, rng), t: 2, rng);
    }

    [Fact]
    public void Forward_IsPreNormResidual()
    {
        var rng = new Rng(43);
        var block = new Block(4, 2, 3, 0.0, rng);
        var x = Tensor.RandomNormal([2, 3, 4], 0, 1, rng);
        var y = block.Forward(x);
        var h = x + block.Attention.Forward(block.Ln1.Forward(x));
        var expected = h + block.FeedForward.Forward(block.Ln2.Forward(h));
        Assert.True(y.AllClose(expected, 0, 1e-12));
    }
}
