using NeuralNet;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class MultiHeadAttentionTests
{
    [Fact]
    public void Backward_SmallInput_MatchesNumericalGradient()
    {
        var rng = new Rng(11);
        var attention = new MultiHeadAttention(nEmbd: 4, nHead: 2, blockSize: 3, dropout: 0.0, rng);
        GradCheck.AssertModuleGradients(attention, Tensor.RandomNormal([2, 3, 4], 0, 1, rng), rng);
    }

    [Fact]
    public void Forward_OutputAtT_DoesNotDependOnLaterInputs()
    {
        var rng = new Rng(12);
        var attention = new MultiHeadAttention(4, 2, blockSize: 4, dropout: 0.0, rng);
        GradCheck.AssertCausal(attention, Tensor.RandomNormal([2, 4, 4], 0, 1, rng), t: 1, rng);
    }

    [Fact]
    public void Forward_EqualsProjectionOfConcatenatedHeads()
    {
        var rng = new Rng(13);
        var attention = new MultiHeadAttention(4, 2, 3, 0.0, rng);
        var x = Tensor.RandomNormal([2, 3, 4], 0, 1, rng);
        var y = attention.Forward(x);
        var h0 = attention.Heads[0].Forward(x);
        var h1 = attention.Heads[1].Forward(x);
        var w = attention.Projection.Weight.Value;
        var b = attention.Projection.Bias!.Value;
        for (var c = 0; c < 4; c++)
        {
            var expected = b[c] + h0[1, 2, 0] * w[0, c] + h0[1, 2, 1] * w[1, c] + h1[1, 2, 0] * w[2, c] + h1[1, 2, 1] * w[3, c];
            Assert.Equal(expected, y[1, 2, c], 12);
        }
    }

    [Fact]
    public void Constructor_HeadsNotDividingEmbedding_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new MultiHeadAttention(nEmbd: 6, nHead: 4, blockSize: 3, dropout: 0.0, new Rng(14)));
        Assert.Contains("n_head (4)", e.Message, StringComparison.Ordinal);
    }
}
