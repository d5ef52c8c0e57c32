using NeuralNet;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class HeadTests
{
    private static Tensor Input(Rng rng, int b = 2, int t = 3, int c = 4) => Tensor.RandomNormal([b, t, c], 0, 1, rng);

    [Fact]
    public void Backward_SmallInput_MatchesNumericalGradient()
    {
        var rng = new Rng(1);
        var head = new Head(nEmbd: 4, headSize: 2, blockSize: 3, dropout: 0.0, rng);
        GradCheck.AssertModuleGradients(head, Input(rng), rng);
    }

    [Fact]
    public void Forward_OutputAtT_DoesNotDependOnLaterInputs()
    {
        var rng = new Rng(2);
        var head = new Head(4, 2, blockSize: 5, dropout: 0.0, rng);
        for (var t = 0; t < 4; t++)
        {
            GradCheck.AssertCausal(head, Input(rng, t: 5), t, rng);
        }
    }

    [Fact]
    public void Forward_AttentionWeights_AreCausalRowsSummingToOne()
    {
        var rng = new Rng(3);
        var head = new Head(4, 2, blockSize: 4, dropout: 0.0, rng);
        head.Forward(Input(rng, t: 4));
        var weights = head.LastAttention!;
        Assert.Equal([2, 4, 4], weights.Shape);
        for (var b = 0; b < 2; b++)
        {
            for (var i = 0; i < 4; i++)
            {
                var rowSum = 0.0;
                for (var j = 0; j < 4; j++)
                {
                    rowSum += weights[b, i, j];
                    if (j > i)
                    {
                        Assert.Equal(0.0, weights[b, i, j]);
                    }
                }

                Assert.Equal(1.0, rowSum, 12);
            }
        }

        // The first position can only attend to itself.
        Assert.Equal(1.0, weights[0, 0, 0], 12);
    }

    [Fact]
    public void Forward_MatchesHandComputedAttention()
    {
        // x (1, 2, 1), hs = 1, key = 1, query = 2, value = 3: scores q_i k_j = 2 x_i x_j (scale 1).
        var head = new Head(nEmbd: 1, headSize: 1, blockSize: 2, dropout: 0.0, new Rng(4));
        head.Key.Weight.Value.Fill(1.0);
        head.Query.Weight.Value.Fill(2.0);
        head.Value.Weight.Value.Fill(3.0);
        var y = head.Forward(Tensor.FromArray([1.0, 0.5], 1, 2, 1));
        // t = 0 sees only itself: 3 * 1. t = 1: scores (2*0.5*1, 2*0.5*0.5) = (1, 0.5).
        var w0 = Math.Exp(1.0) / (Math.Exp(1.0) + Math.Exp(0.5));
        Assert.Equal(3.0, y[0, 0, 0], 12);
        Assert.Equal(w0 * 3.0 + (1 - w0) * 1.5, y[0, 1, 0], 12);
    }

    [Fact]
    public void Forward_DropoutInEvaluationMode_IsIdentity()
    {
        var rng = new Rng(5);
        var x = Input(rng);
        var plain = new Head(4, 2, 3, dropout: 0.0, new Rng(6));
        var dropped = new Head(4, 2, 3, dropout: 0.5, new Rng(6)) { Training = false };
        Assert.True(dropped.Forward(x).AllClose(plain.Forward(x), 0, 0));
        dropped.Training = true;
        Assert.False(dropped.Forward(x).AllClose(plain.Forward(x), 1e-9, 0));
    }

    [Fact]
    public void Forward_SequenceLongerThanBlockSize_Throws()
    {
        var head = new Head(4, 2, blockSize: 2, dropout: 0.0, new Rng(7));
        var e = Assert.Throws<ArgumentException>(() => head.Forward(Tensor.Zeros(1, 3, 4)));
        Assert.Contains("exceeds block_size 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_GradientOfWrongShape_NamesBothShapes()
    {
        var head = new Head(4, 2, 3, 0.0, new Rng(9));
        var x = Tensor.Zeros(2, 3, 4);
        head.Forward(x);
        var e = Assert.Throws<ArgumentException>(() => head.Backward(x, Tensor.Zeros(2, 3, 4)));
        Assert.Contains("(2, 3, 4)", e.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3, 2)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_WrongEmbeddingSize_NamesExpectedShape()
    {
        var head = new Head(4, 2, 3, 0.0, new Rng(8));
        var e = Assert.Throws<ArgumentException>(() => head.Forward(Tensor.Zeros(2, 3, 5)));
        Assert.Contains("(B, T, 4)", e.Message, StringComparison.Ordinal);
        Assert.Contains("(2, 3, 5)", e.Message, StringComparison.Ordinal);
    }
}
