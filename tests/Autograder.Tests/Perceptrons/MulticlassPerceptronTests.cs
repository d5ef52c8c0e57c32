using NeuralNet;
using NeuralNet.Perceptrons;

namespace Autograder.Tests.Perceptrons;

public sealed class MulticlassPerceptronTests
{
    [Fact]
    public void LossGradient_CoversTheFourCasesOfProblem1()
    {
        var w = Tensor.From(new double[,] { { 1, 0 }, { 0, 1 }, { -1, -1 } });
        var x = Tensor.From([2.0, 1.0]); // scores (2, 1, -3): yhat = 0
        Assert.Equal(new double[6], MulticlassPerceptron.LossGradient(w, x, 0).ToArray());
        var g = MulticlassPerceptron.LossGradient(w, x, 1);
        Assert.Equal(new double[] { 2, 1, -2, -1, 0, 0 }, g.ToArray()); // +x for yhat, -x for y, 0 otherwise
    }

    [Fact]
    public void LossGradient_MatchesNumericalGradientOfTheLoss()
    {
        var rng = new Rng(3);
        var w = Tensor.RandomNormal([4, 3], 0, 1, rng);
        var x = Tensor.RandomNormal([3], 0, 1, rng);
        var y = (MulticlassPerceptron.Predict(w, x) + 1) % 4;
        var numeric = NeuralNet.Gradients.GradientChecker.NumericalGradient(() => MulticlassPerceptron.Loss(w, x, y), w, 1e-6);
        Assert.True(NeuralNet.Gradients.GradientChecker.RelError(MulticlassPerceptron.LossGradient(w, x, y), numeric) < 1e-8);
    }

    [Fact]
    public void Update_OnMistake_MovesPredictedDownAndTrueUp()
    {
        var p = new MulticlassPerceptron(3, 2);
        Assert.True(p.Update(Tensor.From([1.0, 2.0]), 2)); // zero weights predict class 0
        Assert.Equal(new double[] { -1, -2, 0, 0, 1, 2 }, p.W.ToArray());
        Assert.False(p.Update(Tensor.From([1.0, 2.0]), 2));
    }

    [Fact]
    public void Train_SeparableData_ReachesZeroLoss()
    {
        var rng = new Rng(5);
        var x = Tensor.RandomNormal([30, 2], 0, 1, rng);
        var y = Enumerable.Range(0, 30).Select(i => x[i, 0] > 0 ? (x[i, 1] > 0 ? 0 : 1) : 2).ToArray();
        var p = new MulticlassPerceptron(3, 3);
        var withBias = Tensor.Ones(30, 3);
        for (var i = 0; i < 30; i++)
        {
            withBias[i, 0] = x[i, 0];
            withBias[i, 1] = x[i, 1];
        }

        p.Train(withBias, y, 3000, rng);
        var loss = Enumerable.Range(0, 30).Average(i => MulticlassPerceptron.Loss(p.W, withBias.Slice(i, 1).Reshape(-1), y[i]));
        Assert.Equal(0.0, loss);
    }

    [Fact]
    public void KernelPerceptron_LinearKernel_EqualsPrimalOnTheSameSequence()
    {
        var rng = new Rng(7);
        var x = Tensor.RandomNormal([12, 3], 0, 1, rng);
        var y = Enumerable.Range(0, 12).Select(i => i % 3).ToArray();
        var primal = new MulticlassPerceptron(3, 3);
        var kernel = new KernelPerceptron(x, y, 3, KernelPerceptron.LinearKernel);
        var picks = primal.Train(x, y, 200, new Rng(99));
        Assert.Equal(picks, kernel.Train(200, new Rng(99)));
        // w_c = sum_i alpha[c, i] x_i
        Assert.True(kernel.Alpha.MatMul(x).AllClose(primal.W, 1e-12, 1e-12));
        var probe = Tensor.From([0.3, -1.2, 0.8]);
        Assert.Equal(MulticlassPerceptron.Predict(primal.W, probe), kernel.Predict(probe));
    }

    [Fact]
    public void KernelPerceptron_RbfKernel_SeparatesXor()
    {
        var x = Tensor.From(new double[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } });
        int[] y = [0, 1, 1, 0];
        var kernel = new KernelPerceptron(x, y, 2, KernelPerceptron.RbfKernel(2.0));
        kernel.Train(200, new Rng(1));
        Assert.Equal(y, Enumerable.Range(0, 4).Select(kernel.PredictTraining));
    }

    [Fact]
    public void ThresholdNeurons_ImplementAndAndOr()
    {
        int[][] inputs = [[0, 0], [0, 1], [1, 0], [1, 1]];
        Assert.Equal([0, 0, 0, 1], inputs.Select(v => ThresholdNeuron.And.Fire(v[0], v[1])));
        Assert.Equal([0, 1, 1, 1], inputs.Select(v => ThresholdNeuron.Or.Fire(v[0], v[1])));
    }
}
