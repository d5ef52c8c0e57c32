using Autograder.Grader.Reports;
using Autograder.Grader.Results;

namespace Autograder.Tests.Grader;

/// <summary>End-to-end gradings of outcome-named submissions against the fake course (14 points: affine 6, relu 4, sgd 2, log 2).</summary>
public sealed class GradingPipelineTests
{
    private static FakeCourse Course => FakeCourse.Instance;

    private static string Replace(string file, string text, string target, string from, string to) =>
        file == target ? text.Replace(from, to, StringComparison.Ordinal) : text;

    private static ItemResult Item(GradeResult r, string id) => r.Items.Single(i => i.Id == id);

    [Fact]
    public void Grade_PassesAll_GetsFullMarks()
    {
        var result = Course.Grade(FakeCourse.Submission());

        Assert.Null(result.GraderError);
        Assert.All(result.Items, i => Assert.True(i.Status == CheckStatus.Passed, $"{i.Id}: {string.Join("; ", i.Checks.Select(c => c.Outcome.Message))}"));
        Assert.Equal(14, result.Score);
        Assert.Equal(14, result.MaxScore);
    }

    [Fact]
    public void Grade_Skeleton_ScoresZeroAsNotImplemented()
    {
        var dir = FakeCourse.Submission((file, _) => Course.Library.Stub(file, FakeCourse.Parts), log: null);

        var result = Course.Grade(dir);

        Assert.Equal(0, result.Score);
        Assert.Equal(CheckStatus.NotImplemented, Item(result, "1").Status);
        Assert.Contains("not implemented yet: TODO(affine.init)", Item(result, "1").Checks[0].Outcome.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.NotImplemented, Item(result, "3").Status);
        Assert.Contains("run.json was not found", Item(result, "4").Checks[0].Outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_FailsReluBackwardAtZero_LosesOnlyTheBackwardCases()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Layers/Relu.cs", "return gradOutput * (x > 0.0);", "return gradOutput * (x >= 0.0);"));

        var result = Course.Grade(dir);

        Assert.Equal(2, Item(result, "2").Points);
        Assert.Equal(CheckStatus.Failed, Item(result, "2").Checks[1].Status);
        Assert.Contains("worst at index", Item(result, "2").Checks[1].Outcome.Message, StringComparison.Ordinal);
        Assert.Equal(12, result.Score);
    }

    [Fact]
    public void Grade_FailsAffineBiasGradientNotSummed_FailsBackwardAndGradcheck()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Layers/Affine.cs", "_b.Grad = gradOutput.Sum(0, keepDims: true);", "_b.Grad = gradOutput.Slice(0, 1).Contiguous();"));

        var result = Course.Grade(dir);

        var affine = Item(result, "1");
        Assert.Equal(CheckStatus.Failed, affine.Checks[2].Status);
        Assert.Contains("gradient of b", affine.Checks[2].Outcome.Message, StringComparison.Ordinal);
        Assert.Contains("likely mistake: your result is the first row of the upstream gradient: it should be summed over all", affine.Checks[2].Outcome.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Failed, affine.Checks[3].Status);
        // 10 cases: init 3 (three fresh draws), forward 3, backward 3, gradcheck 1; backward and gradcheck fail.
        Assert.Equal(6.0 * 6 / 10, affine.Points, 6);
    }

    [Fact]
    public void Grade_CompileErrorInRelu_OnlyReluScoresZeroWithTheError()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Layers/Relu.cs", "return x * (x > 0.0);", "return x * undefinedMask;"));

        var result = Course.Grade(dir);

        var relu = Item(result, "2");
        Assert.Equal(CheckStatus.CompileError, relu.Status);
        Assert.Contains("Layers/Relu.cs(", relu.Checks[0].Outcome.Message, StringComparison.Ordinal);
        Assert.Contains("undefinedMask", relu.Checks[0].Outcome.Message, StringComparison.Ordinal);
        Assert.Equal(10, result.Score);
    }

    [Fact]
    public void Grade_PrintsDebugOutput_CapturesItAndAppliesTheDeduction()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Layers/Relu.cs", "return x * (x > 0.0);", "Console.WriteLine(\"debug relu\");\n        return x * (x > 0.0);"));

        var result = Course.Grade(dir);

        var relu = Item(result, "2");
        Assert.Equal(0, relu.Points);
        Assert.Contains("debug relu", relu.Checks[0].Output, StringComparison.Ordinal);
        Assert.Contains(relu.Notes, n => n.Contains("printed output", StringComparison.Ordinal));
        Assert.Equal(10, result.Score);
    }

    [Fact]
    public void Grade_FileAccessInSgd_IsAPolicyViolationWithLocation()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Optimizers/Sgd.cs", "foreach (var p in parameters)", "System.IO.File.WriteAllText(\"/tmp/x\", \"y\");\n        foreach (var p in parameters)"));

        var result = Course.Grade(dir);

        var sgd = Item(result, "3");
        Assert.Equal(CheckStatus.PolicyViolation, sgd.Status);
        Assert.Matches(@"Optimizers/Sgd\.cs\(\d+,\d+\): System\.IO\.File\.WriteAllText is not allowed in submissions", sgd.Checks[0].Outcome.Message);
        Assert.Equal(12, result.Score);
    }

    [Fact]
    public void Grade_InfiniteLoopInForward_TimesOutAndTheRestStillGrades()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Layers/Affine.cs", "return x.MatMul(_w.Value) + _b.Value;", "var spin = 0L; while (spin >= 0) { spin = (spin + 1) % 7; }\n        return x.MatMul(_w.Value) + _b.Value;"));

        var result = Course.Grade(dir, timeoutSeconds: 2);

        var affine = Item(result, "1");
        Assert.Equal(CheckStatus.Passed, affine.Checks[0].Status);
        Assert.Equal(CheckStatus.Timeout, affine.Checks[1].Status);
        Assert.Equal(CheckStatus.Passed, Item(result, "2").Status);
        Assert.Equal(CheckStatus.Passed, Item(result, "3").Status);
        // Affine: init's 3 draws pass, the forward times out and the later checks with it (3 of 10 cases).
        Assert.Equal(8 + 6.0 * 3 / 10, result.Score, 6);
    }

    [Fact]
    public void Grade_StackOverflowInRelu_IsACrashAndTheRestStillGrades()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Layers/Relu.cs", "return x * (x > 0.0);", "return Forward(x) * 1.0;"));

        var result = Course.Grade(dir);

        Assert.Equal(CheckStatus.Crashed, Item(result, "2").Checks[0].Status);
        Assert.Contains("stack overflow", Item(result, "2").Checks[0].Outcome.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Passed, Item(result, "3").Status);
        Assert.Equal(10, result.Score);
    }

    [Fact]
    public void Grade_SameSubmissionAndSeed_GivesTheSameResultJson()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Layers/Relu.cs", "return gradOutput * (x > 0.0);", "return gradOutput * (x >= 0.0);"));

        var first = JsonReport.Write(Course.Grade(dir, seed: 7), includeTimings: false);
        var second = JsonReport.Write(Course.Grade(dir, seed: 7), includeTimings: false);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Grade_FlatSubmission_IsMatchedByFileName()
    {
        var result = Course.Grade(FakeCourse.Submission(flat: true));

        Assert.Equal(14, result.Score);
    }
}
