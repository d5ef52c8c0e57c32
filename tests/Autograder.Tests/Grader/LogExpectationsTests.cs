using System.Text.Json;
using Autograder.Grader.Checks;

namespace Autograder.Tests.Grader;

/// <summary>The handout's comparisons between runs (min_from / max_from): a value against another submitted log's, plus an offset.</summary>
public sealed class LogExpectationsTests
{
    private static readonly Dictionary<string, string> Logs = new()
    {
        ["MLP_lr0.01_m0.0_w0.0_d0.0.json"] = """{"val": [0.80, 0.90]}""",
        ["MLP_lr0.01_m0.0_w0.0_d0.5.json"] = """{"val": [0.82, 0.91]}""",
    };

    private static Dictionary<string, object> Rule(string key, double offset) => new()
    {
        ["val[-1]"] = new Dictionary<object, object>
        {
            [key] = new Dictionary<object, object> { ["file"] = "MLP_lr0.01_m0.0_w0.0_d0.0.json", ["path"] = "val[-1]", ["offset"] = offset },
        },
    };

    private static void Check(string log, Dictionary<string, object> rules, IReadOnlyDictionary<string, string>? logs = null)
    {
        using var document = JsonDocument.Parse(log);
        LogExpectations.Check("MLP_lr0.01_m0.0_w0.0_d0.5.json", document.RootElement, rules, logs ?? Logs);
    }

    [Fact]
    public void MinFrom_PassesWhenTheRunBeatsTheOtherWithinTheOffset()
    {
        Check(Logs["MLP_lr0.01_m0.0_w0.0_d0.5.json"], Rule("min_from", 0));
        Check("""{"val": [0.82, 0.895]}""", Rule("min_from", -0.01));
    }

    [Fact]
    public void MinFrom_FailsNamingBothRunsAndTheBound()
    {
        var error = Assert.Throws<CheckFailure>(() => Check("""{"val": [0.82, 0.88]}""", Rule("min_from", -0.01)));

        Assert.Contains("val[1] is 0.88, expected at least 0.89 (MLP_lr0.01_m0.0_w0.0_d0.0.json val[-1] 0.9 - 0.01)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxFrom_FailsAboveTheOtherRunPlusTheOffset()
    {
        Check("""{"val": [0.82, 0.88]}""", Rule("max_from", -0.01));
        var error = Assert.Throws<CheckFailure>(() => Check("""{"val": [0.82, 0.905]}""", Rule("max_from", -0.01)));
        Assert.Contains("expected at most 0.89", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MinFrom_OtherLogMissing_SaysWhichToSubmit()
    {
        var error = Assert.Throws<CheckFailure>(() => Check(Logs["MLP_lr0.01_m0.0_w0.0_d0.5.json"], Rule("min_from", 0), new Dictionary<string, string>()));

        Assert.Contains("the comparison needs MLP_lr0.01_m0.0_w0.0_d0.0.json, which was not submitted", error.Message, StringComparison.Ordinal);
    }
}
