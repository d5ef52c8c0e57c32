using NeuralNet;
using NeuralNet.Data;
using NeuralNet.Training;

namespace Autograder.Tests.Training;

public sealed class TrainValSplitTests
{
    [Fact]
    public void Split_TakesTheFirstEightyPercentInOrder()
    {
        var data = new Dataset(Tensor.FromArray([.. Enumerable.Range(0, 10).Select(i => (double)i)], 10, 1), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 1);

        var (train, validation) = TrainValSplit.Split(data);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], train.Labels);
        Assert.Equal([8, 9], validation.Labels);
        Assert.Equal([8.0, 9.0], validation.X.ToArray());
    }

    [Fact]
    public void Split_FractionOutOfRange_Throws()
    {
        var data = new Dataset(Tensor.Zeros(4, 1), [0, 0, 0, 0], 1, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => TrainValSplit.Split(data, 1.0));
    }
}
