using NeuralNet;
using NeuralNet.Gradients;
using NeuralNet.Models.Hw3;

namespace Autograder.Tests.Gradients;

public sealed class MagnitudeCheckerTests
{
    [Fact]
    public void Check_SmallAndLargeBatches_GiveSameMagnitude()
    {
        var rng = new Rng(2);
        var model = new Hw3Mlp(rng, inputDim: 20, hidden: 16, classes: 4);
        var x = Tensor.RandomNormal([600, 20], 0, 1, rng);
        // Labels that depend on x give a consistent true gradient, as real data does.
        var y = x.Rows(Enumerable.Range(0, 600).ToArray()).ArgMaxRows().Select(c => c % 4).ToArray();
        var results = MagnitudeChecker.Check(model, x, y, rng, [50, 500]);
        Assert.Equal([50, 500], results.Select(r => r.BatchSize));
        var ratio = results[0].L1Norm / results[1].L1Norm;
        Assert.InRange(ratio, 0.5, 2.0);
        Assert.True(results[1].L1Norm > 0);
    }

    [Fact]
    public void Check_BatchLargerThanData_UsesAllExamples()
    {
        var rng = new Rng(2);
        var model = new Hw3Mlp(rng, inputDim: 3, hidden: 4, classes: 2);
        var results = MagnitudeChecker.Check(model, Tensor.RandomNormal([30, 3], 0, 1, rng), Enumerable.Repeat(1, 30).ToArray(), rng);
        Assert.Equal([30, 30], results.Select(r => r.BatchSize));
    }
}
