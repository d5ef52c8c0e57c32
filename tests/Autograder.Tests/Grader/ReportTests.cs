using System.Text.Json;
using System.Xml.Linq;
using Autograder.Grader.Execution;
using Autograder.Grader.Reports;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;
using NJsonSchema;

namespace Autograder.Tests.Grader;

public sealed class ReportTests
{
    private static readonly GradeResult Sample = new(
        "hw3-fashion-mlp", "alice.zip", 42, "abc", 7.5, 10, "full",
        [
            new ItemResult("3.1.1", "Linear layer", 6, 6, Visibility.Visible,
                [new CheckResult("forward Linear", "forward", new Passed("all 3 cases passed"), 3, 3, 12.5)], []),
            new ItemResult("3.1.2", "ReLU", 1.5, 4, Visibility.Visible,
                [
                    new CheckResult("forward Relu", "forward", new Passed("ok"), 3, 3, 3),
                    new CheckResult("backward Relu", "backward", new Failed("worst at index [0, 1]: expected 0, got 1"), 0, 3, 4, "debug\n"),
                    new CheckResult("loop", "forward", new TimedOut("did not finish within 10 s"), 0, 2, 10000),
                ], ["note"]),
        ],
        ["submission: notes.txt ignored"], 1.25, "1.0.0");

    private static string Schema(string name) =>
        Path.Combine(CourseRootFinder.TryFind(AppContext.BaseDirectory)!, "rubrics", "schemas", name);

    [Fact]
    public async Task Json_ValidatesAgainstResultSchema()
    {
        var schema = await JsonSchema.FromFileAsync(Schema("result.schema.json"));

        var json = JsonReport.Write(Sample);

        Assert.Empty(schema.Validate(json));
        Assert.Contains("\"status\": \"timeout\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gradescope_ValidatesAndCarriesOneTestPerItem()
    {
        var schema = await JsonSchema.FromFileAsync(Schema("gradescope-results.schema.json"));

        var json = GradescopeReport.Write(Sample);

        Assert.Empty(schema.Validate(json));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(7.5, doc.RootElement.GetProperty("score").GetDouble());
        var tests = doc.RootElement.GetProperty("tests");
        Assert.Equal(2, tests.GetArrayLength());
        Assert.Equal("failed", tests[1].GetProperty("status").GetString());
        Assert.Contains("worst at index", tests[1].GetProperty("output").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_CountsFailuresAndErrors()
    {
        var suite = XDocument.Parse(JUnitReport.Write(Sample)).Root!.Element("testsuite")!;

        Assert.Equal("4", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        Assert.Equal("1", suite.Attribute("errors")!.Value);
    }

    [Fact]
    public void Failure_StillProducesAResultSayingSo()
    {
        var failed = Autograder.Grader.Pipeline.GradingPipeline.Failure(new("x", "hw3-fashion-mlp", "/nowhere"), "boom", 0.1);

        var json = JsonReport.Write(failed);

        Assert.Contains("\"grader_error\": \"boom\"", json, StringComparison.Ordinal);
        Assert.Contains("The grader failed", TextReport.Write(failed) + MarkdownReport.Write(failed), StringComparison.Ordinal);
    }
}
