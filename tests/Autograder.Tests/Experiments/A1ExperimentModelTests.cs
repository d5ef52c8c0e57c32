using NeuralNet;
using NeuralNet.Experiments;
using NeuralNet.Layers;
using NeuralNet.Losses;
using NeuralNet.Models.A1;
using NeuralNet.Training;

namespace Autograder.Tests.Experiments;

/// <summary>
/// A1's experiments (a1-softmax, a1-twolayer) train the student's own model: the loop's backward pass must reach the
/// model's Forward(x, y, Train) with the batch's labels, and take the gradients that call leaves, not formulas of its own.
/// </summary>
public sealed class A1ExperimentModelTests
{
    [Fact]
    public void Backward_CallsTheModelsOwnTrainForward_WithTheBatchLabels()
    {
        var spy = new SpyNetwork(inputSize: 6, numClasses: 4);
        var chain = new LayerChain([new SpyScores(spy)]);
        var x = Tensor.RandomNormal([5, 6], 0, 1, new Rng(3));
        int[] y = [2, 0, 3, 3, 1];

        var logits = chain.Forward(x, training: true);
        chain.Backward(new SoftmaxCrossEntropy().Backward(logits, y));

        var call = Assert.Single(spy.Calls);
        Assert.Equal(y, call.Labels);
        Assert.Equal(A1Mode.Train, call.Mode);
        Assert.Same(x, call.X);
        Assert.Equal(Enumerable.Repeat(7.0, 24), spy.W.Grad!.ToArray());
    }

    [Theory]
    [InlineData("a1-twolayer")]
    [InlineData("a1-softmax")]
    public void CatalogModel_GradientsAreTheModelsOwn(string type)
    {
        var catalog = CourseCatalog.From(typeof(A1Module).Assembly);
        var config = new ModelConfig { Type = type, Hidden = 7 };
        var chain = catalog.CreateModel(config, new Rng(1024), inputDim: 6, classes: 4);
        var x = Tensor.RandomNormal([8, 6], 0, 1, new Rng(5));
        int[] y = [0, 1, 2, 3, 3, 2, 1, 0];

        var logits = chain.Forward(x, training: true);
        chain.Backward(new SoftmaxCrossEntropy().Backward(logits, y));
        var viaLoop = chain.Parameters.Select(p => p.Grad!.ToArray()).ToArray();

        A1BaseNetwork model = type == "a1-twolayer" ? new TwoLayerNet(6, 4, 7) : new SoftmaxRegression(6, 4, new Rng(1024));
        model.Forward(x, y, A1Mode.Train);
        Assert.Equal(model.Parameters.Count, viaLoop.Length);
        for (var i = 0; i < viaLoop.Length; i++)
        {
            Assert.Equal(model.Parameters[i].Grad!.ToArray(), viaLoop[i]);
        }
    }

    private sealed record Call(Tensor X, int[] Labels, A1Mode Mode);

    private sealed class SpyNetwork(int inputSize, int numClasses) : A1BaseNetwork(inputSize, numClasses)
    {
        public Parameter W { get; } = new("W1", Tensor.RandomNormal([inputSize, numClasses], 0, 1, new Rng(9)));

        public List<Call> Calls { get; } = [];

        public override IReadOnlyList<Parameter> Parameters => [W];

        public override A1Result Forward(Tensor x, int[] y, A1Mode mode = A1Mode.Train)
        {
            Calls.Add(new Call(x, y, mode));
            W.Grad = Tensor.Full(7.0, W.Value.Shape);
            return new A1Result(0, 0);
        }
    }

    private sealed class SpyScores(SpyNetwork model) : A1ScoresLayer(model)
    {
        public override Tensor Forward(Tensor x) => x.MatMul(model.W.Value);
    }
}
