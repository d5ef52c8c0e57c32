using NeuralNet;
using NeuralNet.Layers;
using NeuralNet.Losses;
using NeuralNet.Optimizers;

namespace Autograder.Grader.Release.Fixtures;

/// <summary>Fixtures of the optimizer and loss checks.</summary>
public static class OptimizerFixtures
{
    public static IEnumerable<IFixtureSource> All() =>
    [
        new FixtureSource("sgd.step", 201, SgdStep),
        new FixtureSource("momentum.step", 202, MomentumStep),
        new FixtureSource("weight_decay", 203, WeightDecayGradient),
        new FixtureSource("l2.penalty", 204, L2Penalty),
        new FixtureSource("a1.l2", 205, L2Gradients),
        new FixtureSource("softmax_ce.forward", 206, (part, seed) => SoftmaxCe(part, seed, backward: false)),
        new FixtureSource("softmax_ce.backward", 207, (part, seed) => SoftmaxCe(part, seed, backward: true)),
    ];

    // Two parameters, W (3, 2) and b (1, 2), with gradients: the optimizer checks' inputs.
    private static (Parameter W, Parameter B) Parameters(Rng rng)
    {
        var w = new Parameter("W", Tensor.RandomNormal([3, 2], 0, 1, rng)) { Grad = Tensor.RandomNormal([3, 2], 0, 1, rng) };
        var b = new Parameter("b", Tensor.RandomNormal([1, 2], 0, 1, rng)) { Grad = Tensor.RandomNormal([1, 2], 0, 1, rng) };
        return (w, b);
    }

    private static Fixture Inputs(string part, ulong seed, Parameter w, Parameter b) =>
        new Fixture(part, seed).Tensor("W", w.Value.Clone()).Tensor("dW", w.Grad.Clone()).Tensor("b", b.Value.Clone()).Tensor("db", b.Grad.Clone());

    private static Fixture SgdStep(string part, ulong seed)
    {
        var (w, b) = Parameters(new Rng(seed));
        var fixture = Inputs(part, seed, w, b).Scalar("lr", 0.1);
        Sgd.Update([w, b], 0.1);
        return fixture.Tensor("W_after", w.Value).Tensor("b_after", b.Value);
    }

    // Three steps with fresh gradients each time, so the velocity's history matters.
    private static Fixture MomentumStep(string part, ulong seed)
    {
        var rng = new Rng(seed);
        var (w, b) = Parameters(rng);
        var fixture = Inputs(part, seed, w, b).Scalar("lr", 0.1).Scalar("alpha", 0.9);
        var optimizer = new MomentumSgd(0.1, 0.9);
        for (var step = 0; step < 3; step++)
        {
            if (step > 0)
            {
                w.Grad = Tensor.RandomNormal([3, 2], 0, 1, rng);
                b.Grad = Tensor.RandomNormal([1, 2], 0, 1, rng);
                fixture.Tensor($"dW{step}", w.Grad).Tensor($"db{step}", b.Grad);
            }

            optimizer.Step([w, b]);
        }

        return fixture.Tensor("W_after", w.Value).Tensor("b_after", b.Value);
    }

    private static Fixture WeightDecayGradient(string part, ulong seed)
    {
        var (w, _) = Parameters(new Rng(seed));
        return new Fixture(part, seed).Tensor("W", w.Value).Tensor("dW", w.Grad).Scalar("lambda", 0.01)
            .Tensor("expected", WeightDecay.Gradient(w.Grad, w.Value, 0.01));
    }

    private static Fixture L2Penalty(string part, ulong seed)
    {
        var (w, b) = Parameters(new Rng(seed));
        return Inputs(part, seed, w, b).Scalar("lambda", 0.05).Scalar("expected", L2Regularization.Penalty([w, b], 0.05));
    }

    // A1's biases are vectors (TwoLayerNet's b1 (H) and b2 (C)), so the bias here is one too: a rule that finds the biases
    // by shape is judged on the shapes A1's models have, as the grader's 3a check does.
    private static Fixture L2Gradients(string part, ulong seed)
    {
        var (w, row) = Parameters(new Rng(seed));
        var b = new Parameter("b", row.Value.Reshape(2).Clone()) { Grad = row.Grad.Reshape(2).Clone() };
        var fixture = Inputs(part, seed, w, b).Scalar("lambda", 0.05);
        L2Regularization.ApplyToGradients([w, b], 0.05);
        return fixture.Tensor("dW_after", w.Grad).Tensor("db_after", b.Grad);
    }

    // Large logits in one row: a loss that skips the max shift overflows there.
    private static Fixture SoftmaxCe(string part, ulong seed, bool backward)
    {
        var rng = new Rng(seed);
        var logits = Tensor.RandomNormal([5, 4], 0, 2, rng);
        logits[4, 1] = 800.0;
        int[] labels = [0, 3, 1, 2, 1];
        var loss = new SoftmaxCrossEntropy();
        var fixture = new Fixture(part, seed).Tensor("logits", logits).Ints("labels", labels);
        return backward
            ? fixture.Tensor("expected", loss.Backward(logits, labels))
            : fixture.Scalar("expected", loss.Forward(logits, labels));
    }
}
