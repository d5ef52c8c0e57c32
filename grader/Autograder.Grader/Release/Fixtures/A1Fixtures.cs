using NeuralNet;
using NeuralNet.Models.A1;

namespace Autograder.Grader.Release.Fixtures;

/// <summary>Fixtures of Assignment 1's checks (seed 001): data split and batches, utilities, the two models.</summary>
public static class A1Fixtures
{
    public static IEnumerable<IFixtureSource> All() =>
    [
        new FixtureSource("a1.split", 601, Split),
        new FixtureSource("a1.batches", 602, Batches),
        new FixtureSource("a1.softmax", 603, (part, seed) => Elementwise(part, seed, A1BaseNetwork.Softmax)),
        new FixtureSource("a1.cross_entropy", 604, CrossEntropy),
        new FixtureSource("a1.accuracy", 605, Accuracy),
        new FixtureSource("a1.sigmoid", 606, (part, seed) => Elementwise(part, seed, A1BaseNetwork.Sigmoid)),
        new FixtureSource("a1.sigmoid_dev", 607, (part, seed) => Elementwise(part, seed, A1BaseNetwork.SigmoidDev)),
        new FixtureSource("a1.relu", 608, (part, seed) => Elementwise(part, seed, A1BaseNetwork.Relu)),
        new FixtureSource("a1.relu_dev", 609, (part, seed) => Elementwise(part, seed, A1BaseNetwork.ReluDev)),
        new FixtureSource("a1.softmax_regression.forward", 610, (part, seed) => SoftmaxRegressionRun(part, seed, A1Mode.Valid)),
        new FixtureSource("a1.softmax_regression.backward", 611, (part, seed) => SoftmaxRegressionRun(part, seed, A1Mode.Train)),
        new FixtureSource("a1.two_layer.forward", 612, (part, seed) => TwoLayerRun(part, seed, A1Mode.Valid)),
        new FixtureSource("a1.two_layer.backward", 613, (part, seed) => TwoLayerRun(part, seed, A1Mode.Train)),
    ];

    private static Fixture Split(string part, ulong seed)
    {
        var rng = new Rng(seed);
        var x = Tensor.RandomNormal([10, 3], 0, 1, rng);
        int[] y = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
        var (train, validation) = A1Data.TrainValSplit(x, y);
        return new Fixture(part, seed).Tensor("x", x).Ints("y", y)
            .Tensor("train_x", train.X).Ints("train_y", train.Labels).Tensor("val_x", validation.X).Ints("val_y", validation.Labels);
    }

    // 7 examples in batches of 3: two full batches and a last one of 1; unshuffled, then shuffled with Rng(seed + 1).
    private static Fixture Batches(string part, ulong seed)
    {
        var x = Tensor.RandomNormal([7, 2], 0, 1, new Rng(seed));
        int[] y = [0, 1, 2, 3, 4, 5, 6];
        var fixture = new Fixture(part, seed).Tensor("x", x).Ints("y", y);
        foreach (var (prefix, batches) in new[]
        {
            ("b", A1Data.GenerateBatchedData(x, y, 3)),
            ("s", A1Data.GenerateBatchedData(x, y, 3, shuffle: true, rng: new Rng(seed + 1))),
        })
        {
            fixture.Scalar(prefix + "_count", batches.Count);
            for (var i = 0; i < batches.Count; i++)
            {
                fixture.Tensor($"{prefix}{i}_x", batches[i].X).Ints($"{prefix}{i}_y", batches[i].Labels);
            }
        }

        return fixture;
    }

    // Inputs include exact zeros (ReLU's derivative there is 0) and one large score (softmax must subtract the row max).
    private static Fixture Elementwise(string part, ulong seed, Func<Tensor, Tensor> function)
    {
        var x = Tensor.RandomNormal([4, 5], 0, 2, new Rng(seed));
        x[0, 0] = 0.0;
        x[2, 3] = 0.0;
        x[3, 1] = 700.0;
        return new Fixture(part, seed).Tensor("x", x).Tensor("expected", function(x));
    }

    private static Fixture CrossEntropy(string part, ulong seed)
    {
        var p = A1BaseNetwork.Softmax(Tensor.RandomNormal([4, 3], 0, 1, new Rng(seed)));
        int[] y = [2, 0, 1, 1];
        return new Fixture(part, seed).Tensor("p", p).Ints("y", y).Scalar("expected", A1BaseNetwork.CrossEntropyLoss(p, y));
    }

    private static Fixture Accuracy(string part, ulong seed)
    {
        var p = A1BaseNetwork.Softmax(Tensor.RandomNormal([8, 3], 0, 1, new Rng(seed)));
        int[] y = [0, 1, 2, 0, 1, 2, 0, 1];
        return new Fixture(part, seed).Tensor("p", p).Ints("y", y).Scalar("expected", A1BaseNetwork.ComputeAccuracy(p, y));
    }

    private static (Tensor X, int[] Y) Batch(Rng rng) => (Tensor.RandomNormal([5, 6], 0, 1, rng), [0, 2, 1, 2, 0]);

    private static Fixture SoftmaxRegressionRun(string part, ulong seed, A1Mode mode)
    {
        var rng = new Rng(seed);
        var model = new SoftmaxRegression(6, 3, new Rng(seed + 1));
        model.W1.Value.CopyFrom(Tensor.RandomNormal([6, 3], 0, 0.5, rng)); // larger than A1's 0.001 so ReLU cuts some scores
        var (x, y) = Batch(rng);
        var result = model.Forward(x, y, mode);
        var fixture = new Fixture(part, seed).Tensor("W1", model.W1.Value).Tensor("x", x).Ints("y", y);
        return mode == A1Mode.Train
            ? fixture.Tensor("dW1", model.W1.Grad)
            : fixture.Scalar("loss", result.Loss).Scalar("accuracy", result.Accuracy);
    }

    private static Fixture TwoLayerRun(string part, ulong seed, A1Mode mode)
    {
        var rng = new Rng(seed);
        var model = new TwoLayerNet(6, 3, 4, seed);
        foreach (var p in model.Parameters)
        {
            p.Value.CopyFrom(Tensor.RandomNormal(p.Value.Shape, 0, 0.5, rng));
        }

        var (x, y) = Batch(rng);
        var result = model.Forward(x, y, mode);
        var fixture = new Fixture(part, seed).Tensor("W1", model.W1.Value).Tensor("b1", model.B1.Value)
            .Tensor("W2", model.W2.Value).Tensor("b2", model.B2.Value).Tensor("x", x).Ints("y", y);
        return mode == A1Mode.Train
            ? fixture.Tensor("dW1", model.W1.Grad).Tensor("db1", model.B1.Grad).Tensor("dW2", model.W2.Grad).Tensor("db2", model.B2.Grad)
            : fixture.Scalar("loss", result.Loss).Scalar("accuracy", result.Accuracy);
    }
}
