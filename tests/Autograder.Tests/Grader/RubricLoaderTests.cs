using Autograder.Grader.Checks;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Grader;

public sealed class RubricLoaderTests
{
    [Fact]
    public void Parse_FakeRubric_BindsItemsChecksAndEnums()
    {
        var rubric = RubricLoader.Parse(FakeCourseSources.Rubric, "fake.rubric.yaml", CheckRegistry.Names);

        Assert.Equal(14, rubric.MaxScore);
        Assert.Equal(PartialCredit.AllOrNothing, rubric.Items[2].PartialCredit);
        Assert.Equal("all", rubric.Items[1].Deductions?.PrintsOutput);
        Assert.Equal(0.1, rubric.Items[0].Checks[0].Params!["W"].Std);
        Assert.True(rubric.Policy.AllowConsoleWrite);
    }

    [Fact]
    public void Parse_UnknownKey_FailsWithFilePathAndLine()
    {
        const string yaml = "assignment: x\nitems:\n  - id: a\n    points: 1\n    checks:\n      - kind: forward\n        tolerence: 3\n";

        var ex = Assert.Throws<RubricException>(() => RubricLoader.Parse(yaml, "x.rubric.yaml", CheckRegistry.Names));

        Assert.StartsWith("x.rubric.yaml(7,", ex.Message, StringComparison.Ordinal);
        Assert.Contains("items[0].checks[0]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCheckKind_FailsAtItsLine()
    {
        const string yaml = "assignment: x\nitems:\n  - id: a\n    points: 1\n    checks:\n      - kind: fowrard\n";

        var ex = Assert.Throws<RubricException>(() => RubricLoader.Parse(yaml, "x.rubric.yaml", CheckRegistry.Names));

        Assert.StartsWith("x.rubric.yaml(6): at 'items[0].checks[0].kind': unknown check kind 'fowrard'; did you mean 'forward'? (known: ", ex.Message, StringComparison.Ordinal);
        Assert.All(CheckRegistry.Names, name => Assert.Contains(name, ex.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_DuplicateItemIdAndMissingPoints_Fail()
    {
        Assert.Contains("duplicate item id", Assert.Throws<RubricException>(() => RubricLoader.Parse("assignment: x\nitems:\n  - {id: a, points: 1}\n  - {id: a, points: 1}\n", "r")).Message, StringComparison.Ordinal);
        Assert.Contains("needs positive points", Assert.Throws<RubricException>(() => RubricLoader.Parse("assignment: x\nitems:\n  - {id: a}\n", "r")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CheckPart_MustBeOneOfTheItemsParts()
    {
        const string yaml = "assignment: x\nitems:\n  - id: a\n    points: 1\n    parts: [p.forward, p.backward]\n    checks:\n      - {kind: forward, part: p.backward}\n      - {kind: backward, part: p.backwrd}\n";

        var ex = Assert.Throws<RubricException>(() => RubricLoader.Parse(yaml, "x.rubric.yaml", CheckRegistry.Names));

        Assert.Contains("items[0].checks[1].part", ex.Message, StringComparison.Ordinal);
        Assert.Contains("one of the item's parts [p.forward, p.backward], found 'p.backwrd'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("p.backward", RubricLoader.Parse(yaml.Replace("p.backwrd", "p.forward", StringComparison.Ordinal), "x.rubric.yaml", CheckRegistry.Names).Items[0].Checks[0].Part);
    }

    [Fact]
    public void Parse_RealRubrics_AllLoad()
    {
        var root = Autograder.Grader.Execution.CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var files = Directory.GetFiles(Path.Combine(root, "rubrics"), "*.rubric.yaml");

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.NotEmpty(RubricLoader.Parse(File.ReadAllText(f), f, CheckRegistry.Names).Items));
    }
}
