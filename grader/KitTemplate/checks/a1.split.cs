using NeuralNet.Models.A1;

namespace PublicTests.Checks;

/// <summary>Public check {{ITEM}}, part {{PART}}: the first 80% of the examples train, the rest validate, in order.</summary>
[Points("{{ITEM}}", {{POINTS}}, Part = "{{PART}}")]
public sealed class {{CLASS}}
{
    [Fact]
    public void TrainValSplit_MatchesReference() => Check.Run(() =>
    {
        var f = FixtureFile.Load("{{PART}}");

        var (train, validation) = A1Data.TrainValSplit(f.Tensor("x"), f.Ints("y"));

        Expect.Close("training X (8, 3)", f.Tensor("train_x"), train.X);
        Expect.That(train.Labels.SequenceEqual(f.Ints("train_y")), $"training labels: expected [{string.Join(", ", f.Ints("train_y"))}], got [{string.Join(", ", train.Labels)}]");
        Expect.Close("validation X (2, 3)", f.Tensor("val_x"), validation.X);
        Expect.That(validation.Labels.SequenceEqual(f.Ints("val_y")), $"validation labels: expected [{string.Join(", ", f.Ints("val_y"))}], got [{string.Join(", ", validation.Labels)}]");
    });
}
