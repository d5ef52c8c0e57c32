using NeuralNet.Training;

namespace Autograder.Tests.Training;

public sealed class EarlyStoppingTests
{
    [Fact]
    public void ShouldStop_AfterPatienceEpochsWithoutStrictImprovement()
    {
        var rule = new EarlyStopping(2);

        Assert.True(rule.Observe(1, 0.80));
        Assert.True(rule.Observe(2, 0.85));
        Assert.False(rule.Observe(3, 0.85)); // a tie is not an improvement
        Assert.False(rule.ShouldStop);
        Assert.False(rule.Observe(4, 0.84));

        Assert.True(rule.ShouldStop);
        Assert.Equal(2, rule.BestEpoch);
        Assert.Equal(0.85, rule.BestValue);
    }

    [Fact]
    public void ShouldStop_ImprovementResetsTheCount()
    {
        var rule = new EarlyStopping(2);
        rule.Observe(1, 0.5);
        rule.Observe(2, 0.4);
        rule.Observe(3, 0.6);
        rule.Observe(4, 0.55);

        Assert.False(rule.ShouldStop);
        Assert.Equal(3, rule.BestEpoch);
    }

    [Fact]
    public void ShouldStop_NoPatience_NeverFires()
    {
        var rule = new EarlyStopping(null);
        rule.Observe(1, 0.9);
        for (var e = 2; e < 50; e++)
        {
            rule.Observe(e, 0.1);
        }

        Assert.False(rule.ShouldStop);
        Assert.Equal(1, rule.BestEpoch);
    }
}
