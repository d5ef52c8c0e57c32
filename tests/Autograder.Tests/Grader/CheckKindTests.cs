using Autograder.Grader.Checks;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Grader;

/// <summary>The script and output-files check kinds and the out-of-memory path, on the fake course (fast).</summary>
public sealed class CheckKindTests
{
    private const string Header = "assignment: fake-course\ntitle: t\nlogs: [run.json]\npolicy:\n  allow_console_write: true\nitems:\n";

    private static FakeCourse Course => FakeCourse.Instance;

    private static Rubric Rubric(string items) => RubricLoader.Parse(Header + items, "test.rubric.yaml", CheckRegistry.Names);

    private static string Replace(string file, string text, string target, string from, string to) =>
        file == target ? text.Replace(from, to, StringComparison.Ordinal) : text;

    private const string ScriptItem = """
          - id: s
            title: script
            points: 2
            checks:
              - kind: script
                name: "run.json has 2 epochs and rising accuracy"
                code: |
                  var log = System.Text.Json.JsonDocument.Parse(Logs["run.json"]).RootElement;
                  var epochs = log.GetProperty("epochs").GetInt32();
                  var acc = log.GetProperty("train_acc").EnumerateArray().Select(a => a.GetDouble()).ToList();
                  if (epochs != 2) return $"expected 2 epochs, found {epochs}";
                  return acc[^1] > acc[0] ? null : "the training accuracy should rise";
        """;

    [Fact]
    public void Script_LogMeetingTheRule_Passes()
    {
        var result = Course.Grade(FakeCourse.Submission(), rubric: Rubric(ScriptItem));

        Assert.Equal(CheckStatus.Passed, result.Items.Single().Status);
        Assert.Equal(2, result.Score);
    }

    [Fact]
    public void Script_LogBreakingTheRule_FailsWithTheScriptsMessage()
    {
        var result = Course.Grade(FakeCourse.Submission(log: """{"epochs": 2, "train_acc": [0.7, 0.5]}"""), rubric: Rubric(ScriptItem));

        var check = result.Items.Single().Checks.Single();
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal("the training accuracy should rise", check.Outcome.Message);
        Assert.Equal(0, result.Score);
    }

    private const string OutputItem = """
          - id: o
            title: program outputs
            points: 4
            parts: [relu.forward]
            checks:
              - kind: output-files
                name: "program on values.txt"
                program: program
                entry: FakeProgram.Program.Main
                inputs: {values.txt: data/values.txt}
                args: [values.txt, out.labels, metrics.txt]
                outputs: {out.labels: exact, metrics.txt: numbers}
        """;

    [Fact]
    public void OutputFiles_CorrectRelu_WritesTheReferencesFiles()
    {
        var result = Course.Grade(FakeCourse.Submission(), rubric: Rubric(OutputItem));

        Assert.True(result.Items.Single().Status == CheckStatus.Passed, result.Items.Single().Checks.Single().Outcome.Message);
        Assert.Equal(4, result.Score);
    }

    [Fact]
    public void OutputFiles_ReluKeepingNegatives_NamesTheFirstWrongLine()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Layers/Relu.cs", "return x * (x > 0.0);", "return x.Abs();"));

        var result = Course.Grade(dir, rubric: Rubric(OutputItem));

        var check = result.Items.Single().Checks.Single();
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal("out.labels line 1: expected '0', found '1'", check.Outcome.Message);
    }

    [Fact]
    public void Grade_OutOfMemoryInRelu_IsOomAndTheRestStillGrades()
    {
        var dir = FakeCourse.Submission((f, t) => Replace(f, t, "Layers/Relu.cs", "return x * (x > 0.0);",
            "var hog = new List<double[]>();\n        for (var i = 0; i < 40; i++) { hog.Add(new double[1 << 27]); }\n        return x * (x > 0.0);"));

        var result = Course.Grade(dir);

        var relu = result.Items.Single(i => i.Id == "2");
        Assert.Equal(CheckStatus.Oom, relu.Checks[0].Status);
        Assert.Contains("ran out of memory", relu.Checks[0].Outcome.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Passed, result.Items.Single(i => i.Id == "1").Status);
        Assert.Equal(CheckStatus.Passed, result.Items.Single(i => i.Id == "3").Status);
    }
}
