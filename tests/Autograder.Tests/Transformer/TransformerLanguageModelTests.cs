using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Transformer;

namespace Autograder.Tests.Transformer;

public sealed class TransformerLanguageModelTests
{
    private static readonly TransformerConfig Tiny = new() { VocabSize = 5, NEmbd = 4, NHead = 2, NLayer = 2, BlockSize = 3 };

    private static Tensor Tokens(Rng rng, int b, int t, int vocab)
    {
        var values = new double[b * t];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = rng.NextInt(vocab);
        }

        return Tensor.FromArray(values, b, t);
    }

    [Fact]
    public void LossAndGradients_MatchNumericalGradientOfLoss()
    {
        var rng = new Rng(51);
        var model = new TransformerLanguageModel(Tiny, rng);
        var x = Tokens(rng, 2, 3, 5);
        var y = Tokens(rng, 2, 3, 5);
        model.LossAndGradients(x, y);
        var block = model.Blocks[1];
        var checkedParameters = new (string Name, NeuralNet.Layers.Parameter P)[]
        {
            ("token embedding", model.TokenEmbedding.Weight),
            ("position embedding", model.PositionEmbedding.Weight),
            ("block 0 head 1 query", model.Blocks[0].Attention.Heads[1].Query.Weight),
            ("block 1 head 0 key", block.Attention.Heads[0].Key.Weight),
            ("block 1 head 0 value", block.Attention.Heads[0].Value.Weight),
            ("block 1 projection bias", block.Attention.Projection.Bias!),
            ("block 1 feed-forward W1", block.FeedForward.Expand.Weight),
            ("block 1 ln1 gamma", block.Ln1.Gamma),
            ("final norm beta", model.FinalNorm.Beta),
            ("lm head W", model.LmHead.Weight),
        };
        foreach (var (name, parameter) in checkedParameters)
        {
            var analytic = parameter.Grad.Clone();
            var numeric = GradCheck.Numerical(() => model.Loss(x, y), parameter.Value);
            var error = GradCheck.RelativeError(analytic, numeric);
            Assert.True(error < GradientTolerances.Model, $"{name}: relative error {error:E2}");
        }
    }

    [Fact]
    public void Forward_LogitsAtT_DoNotDependOnLaterTokens()
    {
        var rng = new Rng(52);
        var model = new TransformerLanguageModel(Tiny with { BlockSize = 4 }, rng);
        var x = Tensor.FromArray([0, 1, 2, 3, 4, 3, 2, 1], 2, 4);
        var before = model.Forward(x).Clone();
        var changed = Tensor.FromArray([0, 1, 4, 4, 4, 3, 0, 0], 2, 4);
        var after = model.Forward(changed);
        for (var b = 0; b < 2; b++)
        {
            for (var v = 0; v < 5; v++)
            {
                Assert.Equal(before[b, 0, v], after[b, 0, v]);
                Assert.Equal(before[b, 1, v], after[b, 1, v]);
            }
        }

        Assert.NotEqual(before[0, 2, 0], after[0, 2, 0]);
    }

    [Fact]
    public void ParameterCount_NotebookConfiguration_Is209729()
    {
        // The handout's notebook prints "0.209729 M parameters" for tiny Shakespeare's 65 characters.
        var model = new TransformerLanguageModel(new TransformerConfig { VocabSize = 65 }, new Rng(53));
        Assert.Equal(209_729, model.ParameterCount);
    }

    [Fact]
    public void Loss_UntrainedModel_IsNearLogVocabulary()
    {
        var rng = new Rng(54);
        var model = new TransformerLanguageModel(new TransformerConfig { VocabSize = 60, NEmbd = 16, NHead = 2, NLayer = 1, BlockSize = 8 }, rng);
        var loss = model.Loss(Tokens(rng, 4, 8, 60), Tokens(rng, 4, 8, 60));
        Assert.InRange(loss, Math.Log(60) - 0.3, Math.Log(60) + 0.7);
    }

    [Fact]
    public void Generate_SameSeed_GivesSameTokens()
    {
        var model = new TransformerLanguageModel(Tiny, new Rng(55));
        var context = Tensor.FromArray([1, 2], 2, 1);
        var first = model.Generate(context, 10, new Rng(99)).ToArray();
        var second = model.Generate(context, 10, new Rng(99)).ToArray();
        var other = model.Generate(context, 10, new Rng(100)).ToArray();
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Generate_LongerThanBlockSize_KeepsContextAndValidTokens()
    {
        var model = new TransformerLanguageModel(Tiny, new Rng(56)) { Training = true };
        var result = model.Generate(Tensor.FromArray([4, 0], 1, 2), maxNewTokens: 7, new Rng(1));
        Assert.Equal([1, 9], result.Shape);
        Assert.Equal(4.0, result[0, 0]);
        Assert.Equal(0.0, result[0, 1]);
        Assert.All(result.ToArray(), v => Assert.InRange(v, 0, 4));
        Assert.True(model.Training);
    }

    [Fact]
    public void Generate_MatchesSoftmaxDistributionOfLastLogits()
    {
        // One new token per call from a fixed context: frequencies follow softmax(logits[:, -1]).
        var model = new TransformerLanguageModel(Tiny, new Rng(57)) { Training = false };
        var context = Tensor.FromArray([1, 3], 1, 2);
        var logits = model.Forward(context);
        var exp = Enumerable.Range(0, 5).Select(v => Math.Exp(logits[0, 1, v])).ToArray();
        var counts = new int[5];
        var rng = new Rng(7);
        const int Draws = 4000;
        for (var i = 0; i < Draws; i++)
        {
            counts[(int)model.Generate(context, 1, rng)[0, 2]]++;
        }

        for (var v = 0; v < 5; v++)
        {
            Assert.InRange(counts[v] / (double)Draws, exp[v] / exp.Sum() - 0.03, exp[v] / exp.Sum() + 0.03);
        }
    }

    [Fact]
    public void Forward_TokenOutsideVocabulary_Throws()
    {
        var model = new TransformerLanguageModel(Tiny, new Rng(58));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Forward(Tensor.FromArray([0, 5], 1, 2)));
        Assert.Contains("token 5", e.Message, StringComparison.Ordinal);
    }
}
