using NeuralNet;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class FeedForwardTests
{
    [Fact]
    public void Backward_SmallInput_MatchesNumericalGradient()
    {
        var rng = new Rng(21);
        var feedForward = new FeedForward(nEmbd: 4, dropout: 0.0, rng);
        GradCheck.AssertModuleGradients(feedForward, Tensor.RandomNormal([2, 3, 4], 0, 1, rng), rng);
    }

    [Fact]
    public void Constructor_HiddenLayer_IsFourTimesEmbedding()
    {
        var feedForward = new FeedForward(nEmbd: 8, dropout: 0.0, new Rng(22));
        Assert.Equal([8, 32], feedForward.Expand.Weight.Value.Shape);
        Assert.Equal([32, 8], feedForward.Contract.Weight.Value.Shape);
        Assert.Equal(8 * 32 + 32 + 32 * 8 + 8, feedForward.Parameters.Sum(p => p.Value.Size));
    }

    [Fact]
    public void Forward_EachPositionIndependently()
    {
        var rng = new Rng(23);
        var feedForward = new FeedForward(4, 0.0, rng);
        var x = Tensor.RandomNormal([1, 2, 4], 0, 1, rng);
        var both = feedForward.Forward(x);
        var second = feedForward.Forward(Tensor.FromArray(x.ToArray()[4..], 1, 1, 4));
        for (var c = 0; c < 4; c++)
        {
            Assert.Equal(second[0, 0, c], both[0, 1, c], 12);
        }
    }

    [Fact]
    public void Forward_Dropout_ZeroesAboutRateOfOutputsInTrainingOnly()
    {
        var rng = new Rng(24);
        var feedForward = new FeedForward(8, dropout: 0.5, rng);
        var x = Tensor.RandomNormal([4, 16, 8], 0, 1, rng);
        var zeros = feedForward.Forward(x).ToArray().Count(v => v == 0.0);
        Assert.InRange(zeros, 512 * 0.4, 512 * 0.6);
        feedForward.Training = false;
        Assert.Equal(0, feedForward.Forward(x).ToArray().Count(v => v == 0.0));
    }
}
