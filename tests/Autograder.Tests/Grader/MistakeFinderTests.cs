using Autograder.Grader.Checks;

namespace Autograder.Tests.Grader;

/// <summary>
/// Issue 14: feedback names the likely mistake. Each case builds what a typical bug returns from the expected
/// tensor and asserts the sentence the student reads; a tensor that is simply wrong gets no guess.
/// </summary>
public sealed class MistakeFinderTests
{
    private static readonly int[] Shape = [4, 3];
    private static readonly double[] Expected = [0.5, -1.25, 2.0, 0.75, 0.1, -0.3, 1.5, -2.5, 0.2, 0.9, -0.6, 1.1];
    private static readonly double[] X = [1.0, -2.0, 0.0, 0.5, -0.5, 3.0, 0.0, -1.0, 2.0, 1.5, -0.2, 0.7];

    private static string? Explain(double[] got, int[]? gotShape = null, params Hint[] hints) =>
        MistakeFinder.Explain(Shape, Expected, gotShape ?? Shape, got, hints, 1e-6, 1e-5);

    [Fact]
    public void Explain_SignFlipped_SaysSo()
    {
        Assert.Equal("the sign is flipped everywhere (got = -expected)", Explain([.. Expected.Select(v => -v)]));
    }

    [Fact]
    public void Explain_BatchSizeTimesTooLarge_NamesTheMissingAverage()
    {
        var why = Explain([.. Expected.Select(v => v * 4)], null, new Hint("x", HintRole.Input, [4, 3], X));
        Assert.Equal("every value is 4 times too large, 4 being the batch size: a missing average over the batch (divide by N)", why);
    }

    [Fact]
    public void Explain_BatchSizeTimesTooSmall_NamesTheExtraAverage()
    {
        var why = Explain([.. Expected.Select(v => v / 4)], null, new Hint("x", HintRole.Input, [4, 3], X));
        Assert.StartsWith("every value is 4 times too small, 4 being the batch size", why);
    }

    [Fact]
    public void Explain_OtherConstantFactor_GivesTheFactor()
    {
        Assert.Equal("every value is off by the same factor: got = 2 x expected", Explain([.. Expected.Select(v => v * 2)]));
        Assert.Equal("every value is off by the same factor: got = 1/2 x expected", Explain([.. Expected.Select(v => v * 0.5)]));
    }

    [Fact]
    public void Explain_Transposed_SaysTranspose()
    {
        var t = new double[12];
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                t[c * 4 + r] = Expected[r * 3 + c];
            }
        }

        Assert.Equal("your result is the transpose of the expected one ((3, 4) instead of (4, 3))", Explain(t, [3, 4]));
    }

    [Fact]
    public void Explain_BiasGradientNotSummed_SaysSumOverTheBatch()
    {
        double[] rows = [1, 2, 3, 4, 5, 6];
        var why = MistakeFinder.Explain([1, 3], [5, 7, 9], [2, 3], rows, [], 1e-6, 1e-5);
        Assert.Equal("your result keeps one row per example ((2, 3)); sum it over the batch (rows) to get (1, 3)", why);
    }

    [Fact]
    public void Explain_FirstRowOfUpstream_SaysSumAllRows()
    {
        double[] upstream = [1, 2, 3, 4, 5, 6];
        var why = MistakeFinder.Explain([1, 3], [5, 7, 9], [1, 3], [1, 2, 3], [new Hint("the upstream gradient", HintRole.Upstream, [2, 3], upstream)], 1e-6, 1e-5);
        Assert.Equal("your result is the first row of the upstream gradient: it should be summed over all 2 rows (the batch)", why);
    }

    [Fact]
    public void Explain_BiasMissingFromForward_SaysAddIt()
    {
        double[] b = [0.3, -0.7, 1.2];
        var got = Expected.Select((v, i) => v - b[i % 3]).ToArray();
        Assert.Equal("your result is the expected one without the bias b: add it to every row", Explain(got, null, new Hint("b", HintRole.Bias, [1, 3], b)));
    }

    [Fact]
    public void Explain_GradientOfAnotherTensor_SaysWrongTensor()
    {
        var other = Expected.Select(v => v * 3 + 1).ToArray();
        var why = Explain(other, null, new Hint("the gradient of W", HintRole.Expected, Shape, other));
        Assert.Equal("your result is what the gradient of W should be: the gradient of the wrong tensor?", why);
    }

    [Fact]
    public void Explain_UpstreamPassedThrough_SaysUnchanged()
    {
        var upstream = Expected.Select(v => v + 1).ToArray();
        Assert.Equal("your result equals the upstream gradient, passed through unchanged", Explain(upstream, null, new Hint("the upstream gradient", HintRole.Upstream, Shape, upstream)));
    }

    [Fact]
    public void Explain_AccumulatedGradient_SaysStoreNotAdd()
    {
        var before = Expected.Select(v => 0.5 - v * v).ToArray();
        var got = Expected.Zip(before, (e, b) => e + b).ToArray();
        Assert.Equal("your result is the expected gradient plus what W.Grad held before the call: store it (=) instead of adding to it (+=)",
            Explain(got, null, new Hint("W.Grad", HintRole.Before, Shape, before)));
    }

    [Fact]
    public void Explain_DifferencesOnlyWhereInputIsZero_NamesTheComparison()
    {
        var got = Expected.Select((v, i) => X[i] == 0 ? v + 1 : v).ToArray();
        Assert.Equal("every difference is where x is exactly 0 (check > against >= at zero)", Explain(got, null, new Hint("x", HintRole.Input, Shape, X)));
    }

    [Fact]
    public void Explain_DifferencesOnlyWhereInputIsNegative_SaysWhichSide()
    {
        var got = Expected.Select((v, i) => X[i] < 0 ? 0.123 : v).ToArray();
        Assert.Equal("every difference is where x < 0; where x > 0 your values are right", Explain(got, null, new Hint("x", HintRole.Input, Shape, X)));
    }

    [Fact]
    public void Explain_OnlyTheLastRowDiffers_SuggestsTheLoopBound()
    {
        var got = Expected.Select((v, i) => i >= 9 ? 0.0 : v).ToArray();
        Assert.Equal("every difference is in row 3 (the last: a loop that stops one short?)", Explain(got));
    }

    [Fact]
    public void Explain_UnrelatedValues_MakesNoGuess()
    {
        double[] noise = [0.3, 0.1, -0.4, 0.9, 0.2, -1.7, 0.05, 0.8, -0.33, 0.6, 0.0, -0.2];
        Assert.Null(Explain(noise, null, new Hint("x", HintRole.Input, Shape, X)));
    }

    [Fact]
    public void AssertClose_AppendsTheLikelyMistakeToTheDifferenceLine()
    {
        var expected = Autograder.Worker.Protocol.TensorValue.From(Shape, Expected);
        var got = Autograder.Worker.Protocol.TensorValue.From(Shape, [.. Expected.Select(v => -v)]);
        var failure = Assert.Throws<CheckFailure>(() => TensorCompare.AssertClose("Forward(x)", expected, got, 1e-6, 1e-5));
        Assert.Contains("worst at index", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("; likely mistake: the sign is flipped everywhere (got = -expected)", failure.Message, StringComparison.Ordinal);
    }
}
