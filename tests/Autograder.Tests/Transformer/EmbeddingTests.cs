using NeuralNet;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class EmbeddingTests
{
    [Fact]
    public void TokenEmbedding_Forward_LooksUpRows()
    {
        var embedding = new TokenEmbedding(vocabSize: 3, nEmbd: 2, new Rng(81));
        var w = embedding.Weight.Value;
        var y = embedding.Forward(Tensor.FromArray([2, 0, 2], 1, 3));
        Assert.Equal([1, 3, 2], y.Shape);
        Assert.Equal(w[2, 1], y[0, 0, 1]);
        Assert.Equal(w[0, 0], y[0, 1, 0]);
        Assert.Equal(w[2, 0], y[0, 2, 0]);
    }

    [Fact]
    public void TokenEmbedding_Backward_RepeatedTokenSumsGradients_UnusedRowsZero()
    {
        var embedding = new TokenEmbedding(3, 2, new Rng(82));
        var x = Tensor.FromArray([2, 0, 2], 1, 3);
        embedding.Forward(x);
        var dx = embedding.Backward(x, Tensor.FromArray([1, 2, 3, 4, 5, 6], 1, 3, 2));
        Assert.Equal([3.0, 4.0, 0.0, 0.0, 6.0, 8.0], embedding.Weight.Grad.ToArray());
        Assert.Equal([0.0, 0.0, 0.0], dx.ToArray());
    }

    [Fact]
    public void PositionalEmbedding_Backward_MatchesNumericalGradient()
    {
        var rng = new Rng(83);
        var embedding = new PositionalEmbedding(blockSize: 4, nEmbd: 4, rng);
        // T = 3 < block_size: the last row is unused and must get zero gradient.
        GradCheck.AssertModuleGradients(embedding, Tensor.RandomNormal([2, 3, 4], 0, 1, rng), rng);
        Assert.Equal([0.0, 0.0, 0.0, 0.0], embedding.Weight.Grad.ToArray()[12..]);
    }

    [Fact]
    public void PositionalEmbedding_SequenceLongerThanBlockSize_SaysToCrop()
    {
        var embedding = new PositionalEmbedding(2, 4, new Rng(84));
        var e = Assert.Throws<ArgumentException>(() => embedding.Forward(Tensor.Zeros(1, 3, 4)));
        Assert.Contains("crop the context", e.Message, StringComparison.Ordinal);
    }
}
