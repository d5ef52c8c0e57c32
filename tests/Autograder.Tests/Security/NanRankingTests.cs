using Autograder.Grader.Checks;

namespace Autograder.Tests.Security;

/// <summary>A NaN can never hide a failure where the worst entry is picked.</summary>
public sealed class NanRankingTests
{
    [Theory]
    [InlineData(1.0, double.NaN)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(0.0, double.PositiveInfinity)]
    public void Change_ToOrFromNaNOrInfinity_RanksAboveEveryNumber(double before, double after)
    {
        Assert.True(CallSteps.Change(before, after) > 1e300);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(2.5)]
    public void Change_SameValue_IsZero(double value)
    {
        Assert.Equal(0, CallSteps.Change(value, value));
    }

    [Fact]
    public void WorstEntry_OneNaNAmongUnchangedEntries_IsTheNaN()
    {
        double[] before = [1, 2, 3, 4];
        double[] after = [1, 2, double.NaN, 4];

        var worst = Enumerable.Range(0, before.Length).MaxBy(i => CallSteps.Change(before[i], after[i]));

        Assert.Equal(2, worst);
    }
}
