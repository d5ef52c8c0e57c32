using System.Diagnostics;
using System.Text;
using Autograder.Grader.Assignments;
using Autograder.Grader.Checks;
using Autograder.Grader.Execution;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;
using NeuralNet.Experiments;
using NeuralNet.Transformer;

namespace Autograder.Tests.Security;

/// <summary>
/// Malformed and hostile inputs for every loader the grader trusts with a file: rubric YAML, assignment
/// profile YAML, experiment YAML (course and transformer) and the JSON training-log check. Each must
/// answer quickly with an error naming the file and the YAML/JSON path: never hang (alias bombs), never
/// kill the process (deep nesting overflowing the stack), never accept a nonsense number.
/// </summary>
public sealed class HostileConfigTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    /// <summary>"Billion laughs": ten levels, each a list of ten aliases of the previous one (10^10 nodes expanded).</summary>
    private static string AliasBomb(string indent = "")
    {
        var text = new StringBuilder($"{indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append($"{indent}l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        }

        return text.ToString();
    }

    /// <summary>A flow sequence nested <paramref name="depth"/> levels deep: [[[[...]]]].</summary>
    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    // ---------------------------------------------------------------- rubric YAML

    private const string RubricHead = "assignment: hostile\n";

    private const string OneItem = "items:\n  - id: a\n    title: A\n    points: 1\n";

    public static TheoryData<string, string, string> HostileRubrics() => new()
    {
        { "wrong type: items is a number", RubricHead + "items: 5\n", "items" },
        { "wrong type: points is a word", RubricHead + "items:\n  - id: a\n    points: many\n", "items[0].points" },
        { "missing key: item without an id", RubricHead + "items:\n  - title: A\n    points: 1\n", "items[0]" },
        { "missing key: no assignment", OneItem, "assignment" },
        { "unknown key", RubricHead + "items:\n  - id: a\n    pointz: 1\n", "items[0]" },
        { "huge number: points 1e999 (infinity)", RubricHead + "items:\n  - id: a\n    points: 1e999\n", "items[0].points" },
        { "not a number: points .nan", RubricHead + "items:\n  - id: a\n    points: .nan\n", "items[0].points" },
        { "huge number: points 1e12", RubricHead + "items:\n  - id: a\n    points: 1e12\n", "items[0].points" },
        { "huge number: a timeout of 1e300 seconds", RubricHead + "limits:\n  call_timeout_seconds: 1e300\n" + OneItem, "limits.call_timeout_seconds" },
        { "negative memory", RubricHead + "limits:\n  memory_mb: -5\n" + OneItem, "limits.memory_mb" },
        { "integer overflow", RubricHead + "limits:\n  max_entries: 99999999999999999999\n" + OneItem, "limits.max_entries" },
        { "alias bomb", RubricHead + OneItem + AliasBomb(), "l" },
        { "alias bomb inside an item", RubricHead + "items:\n  - id: a\n    points: 1\n    checks:\n      - kind: forward\n        args: &x [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + Enumerable.Range(0, 6).Aggregate(("", "x"), (acc, i) => (acc.Item1 + $"        a{i}: &y{i} [{string.Join(", ", Enumerable.Repeat("*" + acc.Item2, 10))}]\n", $"y{i}")).Item1, "items[0].checks[0]" },
        { "deeply nested flow sequences", RubricHead + "items: " + Nested(100_000) + "\n", "items" },
        { "deeply nested block mappings", RubricHead + string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i) + $"k{i}:\n")) + new string(' ', 200) + "v: 1\n", "k0" },
        { "not a mapping", "- a\n- b\n", "" },
        { "not YAML", "items: [unclosed\n  - :\n\t\"", "" },
    };

    [Theory]
    [MemberData(nameof(HostileRubrics))]
    public void RubricLoader_HostileInput_FailsQuicklyNamingFileAndPath(string what, string yaml, string path)
    {
        var error = Quickly(() => RubricLoader.Parse(yaml, "hostile.rubric.yaml", CheckRegistry.Names));

        var rubric = Assert.IsType<RubricException>(error);
        Assert.Contains("hostile.rubric.yaml", rubric.Message, StringComparison.Ordinal);
        Assert.True(path.Length == 0 || rubric.Message.Contains($"'{path}", StringComparison.Ordinal), $"{what}: the message does not name the path '{path}': {rubric.Message}");
    }

    [Fact]
    public void RubricLoader_CourseRubrics_StillLoad()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "rubrics"), "*.rubric.yaml"))
        {
            var rubric = RubricLoader.Parse(File.ReadAllText(file), file, CheckRegistry.Names);

            Assert.NotEmpty(rubric.Items);
        }
    }

    // ---------------------------------------------------------------- assignment profile YAML

    private const string ProfileHead = "id: hostile\ntitle: Hostile\n";

    public static TheoryData<string, string, string> HostileProfiles() => new()
    {
        { "wrong type: parts is a mapping", ProfileHead + "parts: {a: b}\nfiles: [A.cs]\n", "parts" },
        { "wrong type: a file is a list", ProfileHead + "parts: [a.b]\nfiles: [[A.cs]]\n", "files[0]" },
        { "missing key: no files", ProfileHead + "parts: [a.b]\n", "files" },
        { "missing key: no id", "title: T\nparts: [a.b]\nfiles: [A.cs]\n", "id" },
        { "escaping file path", ProfileHead + "parts: [a.b]\nfiles: [../../etc/passwd.cs]\n", "files[0]" },
        { "huge number: public check points 1e999", ProfileHead + "parts: [a.b]\nfiles: [A.cs]\npublic_checks:\n  - {part: a.b, item: x, points: 1e999}\n", "public_checks[0].points" },
        { "alias bomb", ProfileHead + "parts: [a.b]\nfiles: [A.cs]\n" + AliasBomb(), "l" },
        { "deeply nested", ProfileHead + "parts: " + Nested(100_000) + "\n", "parts" },
        { "not a mapping", "[1, 2]", "" },
    };

    [Theory]
    [MemberData(nameof(HostileProfiles))]
    public void AssignmentProfile_HostileInput_FailsQuicklyNamingFileAndPath(string what, string yaml, string path)
    {
        var error = Quickly(() => AssignmentProfile.Parse(yaml, "hostile.assignment.yaml"));

        var profile = Assert.IsType<AssignmentProfileException>(error);
        Assert.Contains("hostile.assignment.yaml", profile.Message, StringComparison.Ordinal);
        Assert.True(path.Length == 0 || profile.YamlPath.StartsWith(path, StringComparison.Ordinal), $"{what}: path '{profile.YamlPath}', expected '{path}': {profile.Message}");
    }

    // ---------------------------------------------------------------- experiment YAML

    private const string ExperimentHead = "name: hostile\nassignment: hw3-fashion-mlp\n";

    public static TheoryData<string, string, string> HostileExperiments() => new()
    {
        { "wrong type: batch size is a word", ExperimentHead + "training:\n  batch_size: five\n", "training.batch_size" },
        { "wrong type: model is a list", ExperimentHead + "model: [a, b]\n", "model" },
        { "missing key: no name", "assignment: hw3-fashion-mlp\n", "name" },
        { "huge number: epochs overflow", ExperimentHead + "training:\n  epochs: 99999999999999999999\n", "training.epochs" },
        { "huge number: learning rate 1e999", ExperimentHead + "optimizer:\n  learning_rate: 1e999\n", "optimizer.learning_rate" },
        { "alias bomb", ExperimentHead + "description: x\n" + AliasBomb(), "l" },
        { "deeply nested", ExperimentHead + "test_sets: " + Nested(100_000) + "\n", "test_sets" },
    };

    [Theory]
    [MemberData(nameof(HostileExperiments))]
    public void ExperimentLoader_HostileInput_FailsQuicklyNamingFileAndPath(string what, string yaml, string path)
    {
        var error = Quickly(() => ExperimentLoader.Parse(yaml, "hostile.yaml"));

        var experiment = Assert.IsType<ExperimentConfigException>(error);
        Assert.StartsWith("hostile.yaml:", experiment.Message, StringComparison.Ordinal);
        Assert.True(experiment.Message.Contains($" {path}", StringComparison.Ordinal), $"{what}: the message does not name the path '{path}': {experiment.Message}");
    }

    [Theory]
    [InlineData("alias bomb")]
    [InlineData("deeply nested")]
    public void TransformerExperimentConfig_HostileInput_FailsQuicklyNamingTheFile(string what)
    {
        var yaml = what == "alias bomb" ? AliasBomb() : "model: " + Nested(100_000);

        var error = Quickly(() => TransformerExperimentConfig.ParseYaml(yaml, "hostile-transformer.yaml"));

        Assert.IsType<InvalidDataException>(error);
        Assert.StartsWith("hostile-transformer.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlGuard_CourseFiles_AreWithinTheLimits()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "rubrics"), "*.yaml")
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "reference", "experiments"), "*.yaml", SearchOption.AllDirectories))
            .ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Null(YamlGuard.Problem(File.ReadAllText(f))));
    }

    // ---------------------------------------------------------------- JSON training log (the training-log check)

    private const string LogName = "MLP_lr0.01_b5.json";

    private static string GoodLog() => File.ReadAllText(Path.Combine(Root, "tests", "Golden", "hw3-fashion-mlp", "PassesAll", LogName));

    public static TheoryData<string, string, string> HostileLogs() => new()
    {
        { "not JSON", "{\"name\": ", "" },
        { "empty file", "", "" },
        { "deeply nested arrays", Nested(100_000), "" },
        { "deeply nested inside a field", GoodLog().Replace("\"train\": [", "\"train\": [" + Nested(10_000) + ",", StringComparison.Ordinal), "" },
        { "huge number 1e400 (infinite as a double)", ReplaceValue(GoodLog(), "test", "1e400"), "test" },
        { "huge number in a list", ReplaceFirstNumberIn(GoodLog(), "\"train\": [", "1e999"), "train" },
        { "NaN literal", ReplaceValue(GoodLog(), "test", "NaN"), "" },
        { "wrong type: train is a string", ReplaceArray(GoodLog(), "\"train\": [", "\"high\""), "train" },
        { "wrong type: the log is a list", "[1, 2, 3]", "" },
        { "missing keys", "{\"name\": \"MLP_lr0.01_b5\"}", "" },
        { "accuracy out of range", ReplaceFirstNumberIn(GoodLog(), "\"train\": [", "-5"), "train" },
    };

    [Theory]
    [MemberData(nameof(HostileLogs))]
    public void TrainingLogCheck_HostileLog_FailsTheCheckNamingFileAndPath(string what, string json, string path)
    {
        var rubric = RubricLoader.Load(Path.Combine(Root, "rubrics", "hw3-fashion-mlp.rubric.yaml"));
        var spec = rubric.Items.Single(i => i.Id == "3.1.6").Checks.Single();
        var environment = new GradingEnvironment(Root, "3.1.6", 0, 1, new Dictionary<string, string> { [LogName] = json });

        CheckResult? result = null;
        var error = Quickly(() => result = CheckRunner.Run(spec, Library(), Library(), environment));

        Assert.True(error is null, $"{what}: the check threw instead of failing: {error}");
        Assert.Equal(CheckStatus.Failed, result!.Status);
        Assert.Contains(LogName, result.Outcome.Message, StringComparison.Ordinal);
        Assert.True(path.Length == 0 || result.Outcome.Message.Contains(path, StringComparison.Ordinal), $"{what}: the message does not name '{path}': {result.Outcome.Message}");
    }

    [Fact]
    public void TrainingLogCheck_TheGoldenLog_Passes()
    {
        var rubric = RubricLoader.Load(Path.Combine(Root, "rubrics", "hw3-fashion-mlp.rubric.yaml"));
        var spec = rubric.Items.Single(i => i.Id == "3.1.6").Checks.Single();
        var environment = new GradingEnvironment(Root, "3.1.6", 0, 1, new Dictionary<string, string> { [LogName] = GoodLog() });

        var result = CheckRunner.Run(spec, Library(), Library(), environment);

        Assert.Equal(CheckStatus.Passed, result.Status);
    }

    /// <summary>The training-log check reads only the log; it is handed the trusted reference on both sides.</summary>
    private static InProcessExecutor Library() => new(typeof(NeuralNet.Layers.Linear).Assembly);

    /// <summary>Runs <paramref name="load"/> on a thread with a small (1 MB) stack and returns what it threw; fails when it takes over 10 s.</summary>
    private static Exception? Quickly(Action load)
    {
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                load();
            }
            catch (Exception ex)
            {
                error = ex;
            }
        }, maxStackSize: 1 << 20);
        var clock = Stopwatch.StartNew();
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)), "the loader took more than 10 s (alias expansion or an endless loop?)");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        return error;
    }

    private static string ReplaceValue(string json, string key, string value) =>
        System.Text.RegularExpressions.Regex.Replace(json, $"\"{key}\": [^,\n}}]+", $"\"{key}\": {value}");

    private static string ReplaceFirstNumberIn(string json, string arrayStart, string number)
    {
        var at = json.IndexOf(arrayStart, StringComparison.Ordinal) + arrayStart.Length;
        var end = json.IndexOfAny([',', ']'], at);
        return json[..at] + "\n    " + number + json[end..];
    }

    private static string ReplaceArray(string json, string arrayStart, string value)
    {
        var at = json.IndexOf(arrayStart, StringComparison.Ordinal);
        var end = json.IndexOf(']', at);
        return json[..(at + arrayStart.Length - 1)] + value + json[(end + 1)..];
    }
}
