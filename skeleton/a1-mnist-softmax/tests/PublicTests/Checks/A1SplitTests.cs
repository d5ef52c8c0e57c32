using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check 1.1, part a1.split: the first 80% of the examples train, the rest validate, in order.</summary>
[Points("1.1", 1, Part = "a1.split")]
public sealed class A1SplitTests
{
    [Fact]
    public void TrainValSplit_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("a1.split");

        var (train, validation) = A1Data.TrainValSplit(f.Tensor("x"), f.Ints("y"));

        Expect.Close("training X (8, 3)", f.Tensor("train_x"), train.X);
        Expect.That(train.Labels.SequenceEqual(f.Ints("train_y")), $"training labels: expected [{string.Join(", ", f.Ints("train_y"))}], got [{string.Join(", ", train.Labels)}]");
        Expect.Close("validation X (2, 3)", f.Tensor("val_x"), validation.X);
        Expect.That(validation.Labels.SequenceEqual(f.Ints("val_y")), $"validation labels: expected [{string.Join(", ", f.Ints("val_y"))}], got [{string.Join(", ", validation.Labels)}]");
    });
}
