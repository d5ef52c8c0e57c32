using Autograder.Grader.Batch;
using Autograder.Grader.Checks;
using Autograder.Grader.Execution;
using Autograder.Grader.Reports;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;
using NJsonSchema;

namespace Autograder.Tests.Grader;

/// <summary>Rubric items marked <c>bonus: true</c>: extra credit on top of the maximum score, flagged in every report.</summary>
public sealed class BonusItemTests
{
    private const string Yaml = """
        assignment: x
        items:
          - id: core
            points: 10
          - id: extra
            points: 3
            bonus: true
          - id: plot
            points: 2
            manual: true
        """;

    private static readonly GradeResult Result = new(
        "x", "alice", 1, "abc", 12, 10, "full",
        [
            new ItemResult("core", "Core", 9, 10, Visibility.Visible, [new CheckResult("c", "forward", new Passed("ok"), 9, 10, 1)], []),
            new ItemResult("extra", "Attention", 3, 3, Visibility.Visible, [new CheckResult("e", "forward", new Passed("ok"), 2, 2, 1)], []) { Bonus = true },
        ],
        [], 1, "1.0.0");

    [Fact]
    public void Parse_BonusItem_IsLeftOutOfMaxScoreAndCountedAsBonus()
    {
        var rubric = RubricLoader.Parse(Yaml, "x.rubric.yaml", CheckRegistry.Names);

        Assert.Equal(10, rubric.MaxScore);
        Assert.Equal(3, rubric.BonusScore);
        Assert.Equal(2, rubric.ManualScore);
        Assert.True(rubric.Items[1].Bonus);
        Assert.False(rubric.Items[0].Bonus);
    }

    [Fact]
    public void Parse_ManualDeduction_IsNeitherManualScoreNorMaxScore_AndOnlyManual()
    {
        var rubric = RubricLoader.Parse(Yaml + "\n  - id: notation\n    points: 1\n    manual: true\n    deduction: true\n", "x.rubric.yaml", CheckRegistry.Names);

        Assert.True(rubric.Items[3].Deduction);
        Assert.Equal(10, rubric.MaxScore);
        Assert.Equal(2, rubric.ManualScore);
        var error = Assert.Throws<RubricException>(() => RubricLoader.Parse(Yaml + "\n  - id: notation\n    points: 1\n    deduction: true\n", "x.rubric.yaml", CheckRegistry.Names));
        Assert.Contains("a deduction is a manual item (manual: true) and not a bonus", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hw3Rubric_TransformerBonusAddsEightPointsWithoutChangingTheTotal()
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var rubric = RubricLoader.Load(Path.Combine(root, "rubrics", "hw3-fashion-mlp.rubric.yaml"));

        // Problem 3 = 34 automatic + 16 manual = 50; the automatic maximum is 34.
        Assert.Equal(34, rubric.MaxScore);
        Assert.Equal(16, rubric.Items.Where(i => i.Manual && !i.Bonus).Sum(i => i.Points));
        // Automatic bonus: the optional extension (8) and Problem 4.1's runs, generations and plots (5).
        Assert.Equal(13, rubric.BonusScore);
        Assert.Equal(["4.1-ii", "4.1-iii-plots", "4.1-iii-generations", "4.1-iv-plots", "4.1-iv-generations", "ext-attention-forward", "ext-attention-backward", "ext-layernorm-forward", "ext-layernorm-backward"],
            rubric.Items.Where(i => i.Bonus && !i.Manual).Select(i => i.Id));
        // Problem 4.1 (i)-(iv) as the handout grades it: 10 bonus points, 5 of them the staff's (the discussions).
        Assert.Equal(["4.1-i", "4.1-iii", "4.1-iv"], rubric.Items.Where(i => i.Bonus && i.Manual).Select(i => i.Id));
        Assert.Equal(10, rubric.Items.Where(i => i.Bonus && i.Id.StartsWith("4.1", StringComparison.Ordinal)).Sum(i => i.Points));
        Assert.Equal(5, rubric.Items.Where(i => i.Bonus && i.Manual).Sum(i => i.Points));
    }

    [Fact]
    public void GradeResult_BonusMaxScore_IsTheBonusItemsPoints()
    {
        Assert.Equal(3, Result.BonusMaxScore);
        Assert.True(Result.Score > Result.MaxScore); // the fixture's precondition: bonus points lift the score past the maximum
    }

    [Fact]
    public async Task Reports_FlagTheBonusAndValidate()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(CourseRootFinder.TryFind(AppContext.BaseDirectory)!, "rubrics", "schemas", "result.schema.json"));

        var json = JsonReport.Write(Result);
        var text = TextReport.Write(Result);
        var markdown = MarkdownReport.Write(Result);

        Assert.Empty(schema.Validate(json));
        Assert.Contains("\"bonus_max_score\": 3", json, StringComparison.Ordinal);
        Assert.Contains("\"bonus\": true", json, StringComparison.Ordinal);
        Assert.Contains("score 9 / 10 (+3 bonus)", text, StringComparison.Ordinal);
        Assert.Contains("passed (bonus)", text, StringComparison.Ordinal);
        Assert.StartsWith("# x: 9 / 10 (+3 bonus)", markdown, StringComparison.Ordinal);
        Assert.Contains("| extra | Attention (bonus) | 3 / 3 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SplitsIntoCoreAndBonus_AndAllCorePassedIsStatusPassed()
    {
        Assert.Equal(9, Result.CoreScore);
        Assert.Equal(3, Result.BonusScore);
        Assert.Equal("9 / 10 (+3 bonus)", Result.ScoreText);
        var skippedBonus = Result with
        {
            Score = Result.MaxScore,
            Items = [.. Result.Items.Select(i => i.Bonus ? i with { Points = 0, Checks = [.. i.Checks.Select(c => c with { Outcome = new NotImplemented("TODO(attention)") })] } : i with { Points = i.MaxPoints, Checks = [.. i.Checks.Select(c => c with { Outcome = new Passed("ok") })] })],
        };

        Assert.Equal("10 / 10 (+0 bonus)", skippedBonus.ScoreText);
        Assert.Equal(StudentStatus.Passed, StudentStatus.Of(skippedBonus, null));
    }

    [Fact]
    public void ResultReader_KeepsTheBonusFlag()
    {
        var read = ResultReader.Read(JsonReport.Write(Result));

        Assert.Equal([false, true], read.Items.Select(i => i.Bonus));
        Assert.Equal(3, read.BonusMaxScore);
    }
}
