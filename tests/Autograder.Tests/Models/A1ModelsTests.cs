using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Layers;
using NeuralNet.Models.A1;
using NeuralNet.Optimizers;

namespace Autograder.Tests.Models;

public sealed class A1ModelsTests
{
    [Fact]
    public void Activations_MatchHandValues()
    {
        var x = Tensor.From([-1.0, 0.0, 2.0]);
        Assert.Equal(new[] { 0.0, 0.0, 2.0 }, A1BaseNetwork.Relu(x).ToArray());
        Assert.Equal(new[] { 0.0, 0.0, 1.0 }, A1BaseNetwork.ReluDev(x).ToArray());
        Assert.Equal(0.5, A1BaseNetwork.Sigmoid(x)[1], 15);
        Assert.Equal(0.25, A1BaseNetwork.SigmoidDev(x)[1], 15);
        Assert.Equal(1 / (1 + Math.Exp(1)), A1BaseNetwork.Sigmoid(x)[0], 15);
    }

    [Fact]
    public void SigmoidDev_MatchesNumericalDerivative()
    {
        var x = Tensor.RandomNormal([5], 0, 2, new Rng(4));
        var numeric = GradientChecker.NumericalGradient(() => A1BaseNetwork.Sigmoid(x), x, Tensor.Ones(5), 1e-5);
        Assert.True(GradientChecker.RelError(A1BaseNetwork.SigmoidDev(x), numeric) < GradientTolerances.Sigmoid);
    }

    [Fact]
    public void SoftmaxLossAndAccuracy_MatchHandValues()
    {
        var p = A1BaseNetwork.Softmax(Tensor.From(new double[,] { { 0, Math.Log(3) }, { 1000, 1000 } }));
        Assert.Equal(new[] { 0.25, 0.75, 0.5, 0.5 }, p.ToArray());
        Assert.Equal((-Math.Log(0.75) - Math.Log(0.5)) / 2, A1BaseNetwork.CrossEntropyLoss(p, [1, 0]), 14);
        Assert.Equal(0.5, A1BaseNetwork.ComputeAccuracy(Tensor.From(new double[,] { { 0.2, 0.8 }, { 0.9, 0.1 } }), [1, 1]));
    }

    [Fact]
    public void SoftmaxRegression_InitIsSmallNormalWithoutBias()
    {
        var model = new SoftmaxRegression();
        Assert.Equal(["W1"], model.Parameters.Select(p => p.Name));
        Assert.Equal(new[] { 784, 10 }, model.W1.Value.Shape);
        Assert.InRange(Math.Sqrt(model.W1.Value.Square().Mean()), 0.00095, 0.00105);
        Assert.Equal(new SoftmaxRegression().W1.Value.ToArray(), model.W1.Value.ToArray());
    }

    [Fact]
    public void TwoLayerNet_InitReseedsBeforeEachWeightMatrix()
    {
        var model = new TwoLayerNet(inputSize: 6, numClasses: 3, hiddenSize: 4);
        Assert.Equal(["W1", "b1", "W2", "b2"], model.Parameters.Select(p => p.Name));
        Assert.Equal(model.W1.Value.ToArray()[..12], model.W2.Value.ToArray());
        Assert.Equal(0.0, model.B1.Value.Abs().Sum() + model.B2.Value.Abs().Sum());
        Assert.Equal(new[] { 4 }, model.B1.Value.Shape);
    }

    [Fact]
    public void SoftmaxRegressionBackward_MatchesNumericalGradient()
    {
        var rng = new Rng(3);
        var model = new SoftmaxRegression(inputSize: 5, numClasses: 4, rng: rng);
        model.W1.Value.CopyFrom(Tensor.RandomNormal([5, 4], 0, 1, rng)); // large enough that ReLU is active
        var x = Tensor.RandomNormal([6, 5], 0, 1, rng);
        int[] y = [0, 1, 2, 3, 1, 2];
        AssertGradientsMatch(model, x, y);
    }

    [Fact]
    public void TwoLayerNetBackward_MatchesNumericalGradient()
    {
        var rng = new Rng(5);
        var model = new TwoLayerNet(inputSize: 5, numClasses: 3, hiddenSize: 4);
        foreach (var p in model.Parameters)
        {
            p.Value.CopyFrom(Tensor.RandomNormal(p.Value.Shape, 0, 1, rng));
        }

        var x = Tensor.RandomNormal([4, 5], 0, 1, rng);
        AssertGradientsMatch(model, x, [2, 0, 1, 2]);
    }

    [Fact]
    public void ForwardValidMode_LeavesGradientsAtZero()
    {
        var model = new TwoLayerNet(inputSize: 3, numClasses: 2, hiddenSize: 2);
        var result = model.Forward(Tensor.Ones(2, 3), [0, 1], A1Mode.Valid);
        Assert.Equal(Math.Log(2), result.Loss, 5);
        Assert.All(model.Parameters, p => Assert.Equal(0.0, p.Grad.Abs().Sum()));
    }

    [Fact]
    public void SgdWithL2_TrainsTwoLayerNetOnSeparableData()
    {
        var rng = new Rng(9);
        var x = Tensor.RandomNormal([40, 4], 0, 1, rng);
        var y = Enumerable.Range(0, 40).Select(i => x[i, 0] > 0 ? 1 : 0).ToArray();
        var model = new TwoLayerNet(inputSize: 4, numClasses: 2, hiddenSize: 8);
        var sgd = new Sgd(1.0, l2: 1e-4);
        var first = model.Forward(x, y);
        for (var i = 0; i < 300; i++)
        {
            model.Forward(x, y);
            sgd.Step(model.Parameters);
        }

        var last = model.Forward(x, y, A1Mode.Valid);
        Assert.True(last.Loss < first.Loss / 2, $"{first.Loss} -> {last.Loss}");
        Assert.True(last.Accuracy > 0.9, $"{last.Accuracy}");
    }

    [Fact]
    public void TrainValSplit_TakesFirstEightyPercentInOrder()
    {
        var x = Tensor.Arange(10).Reshape(10, 1);
        var y = Enumerable.Range(0, 10).ToArray();
        var (train, validation) = A1Data.TrainValSplit(x, y);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], train.Labels);
        Assert.Equal(new double[] { 8, 9 }, validation.X.ToArray());
        Assert.Equal([8, 9], validation.Labels);
    }

    [Fact]
    public void GenerateBatchedData_LastBatchHoldsRemainder()
    {
        var x = Tensor.Arange(7).Reshape(7, 1);
        var y = Enumerable.Range(0, 7).ToArray();
        var batches = A1Data.GenerateBatchedData(x, y, batchSize: 3);
        Assert.Equal([3, 3, 1], batches.Select(b => b.Labels.Length));
        Assert.Equal(new double[] { 3, 4, 5 }, batches[1].X.ToArray());
    }

    [Fact]
    public void GenerateBatchedData_ShuffleKeepsPairsAndIsSeeded()
    {
        var x = Tensor.Arange(20).Reshape(20, 1);
        var y = Enumerable.Range(0, 20).ToArray();
        var a = A1Data.GenerateBatchedData(x, y, 8, shuffle: true, rng: new Rng(1));
        var b = A1Data.GenerateBatchedData(x, y, 8, shuffle: true, rng: new Rng(1));
        Assert.Equal(a.SelectMany(t => t.Labels), b.SelectMany(t => t.Labels));
        Assert.NotEqual(y, a.SelectMany(t => t.Labels));
        Assert.All(a, batch => Assert.Equal(batch.Labels.Select(v => (double)v), batch.X.ToArray()));
    }

    private static void AssertGradientsMatch(A1BaseNetwork model, Tensor x, int[] y)
    {
        model.Forward(x, y);
        foreach (var p in model.Parameters)
        {
            var analytic = p.Grad.Clone();
            var numeric = GradientChecker.NumericalGradient(() => model.Forward(x, y, A1Mode.Valid).Loss, p.Value, 1e-5);
            Assert.True(GradientChecker.RelError(analytic, numeric) < GradientTolerances.Model, p.Name);
        }
    }
}
