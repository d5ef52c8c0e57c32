using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Grader;

/// <summary>
/// When a failing item is graded again with the reference's other parts (error carried forward): not when nothing else
/// can be to blame. An item whose files the submission lacks runs the kit's stubs in any build, so a second build and
/// worker would change nothing (HW3's examples without the bonus Transformer/Head.cs made two per grade).
/// </summary>
public sealed class CarriedForwardRuleTests
{
    private static readonly RubricItem AttentionBackward = new() { Id = "ext-attention-backward", Parts = ["attention.backward"] };

    // The backward check called the forward pass first, whose stub is another part's: without the rule below, carried.
    private static List<CheckResult> RanIntoForwardStub() =>
        [new CheckResult("backward", "backward", new NotImplemented("not implemented yet: TODO(attention.forward)") { Part = "attention.forward" }, 0, 1, 1)];

    [Fact]
    public void AnItemWhoseFileIsMissing_IsNotCarried()
    {
        Assert.False(ItemGrading.NeedsCarrying(AttentionBackward, RanIntoForwardStub(), ["Transformer/Head.cs"], ["Transformer/Head.cs", "Transformer/LayerNorm.cs"]));
    }

    [Fact]
    public void TheSameItemWithItsFileSubmitted_IsCarried()
    {
        Assert.True(ItemGrading.NeedsCarrying(AttentionBackward, RanIntoForwardStub(), ["Transformer/Head.cs"], ["Transformer/LayerNorm.cs"]));
        var failed = new List<CheckResult> { new("backward", "backward", new Failed("dx differs"), 0, 1, 1) };
        Assert.True(ItemGrading.NeedsCarrying(AttentionBackward, failed, ["Transformer/Head.cs"], []));
    }

    [Fact]
    public void AnItemThatRanIntoItsOwnStub_OrPassed_IsNotCarried()
    {
        var own = new List<CheckResult> { new("backward", "backward", new NotImplemented("not implemented yet: TODO(attention.backward)") { Part = "attention.backward" }, 0, 1, 1) };
        Assert.False(ItemGrading.NeedsCarrying(AttentionBackward, own, ["Transformer/Head.cs"], []));
        var passed = new List<CheckResult> { new("backward", "backward", new Passed("passed"), 1, 1, 1) };
        Assert.False(ItemGrading.NeedsCarrying(AttentionBackward, passed, ["Transformer/Head.cs"], []));
    }

    /// <summary>
    /// The rule changes no score: PassesLoops (written from the handout without the reference) graded without its
    /// Transformer/Head.cs and LayerNorm.cs (no carried-forward build for their items) gets exactly what it gets with
    /// those two files submitted as the kit's stubs (the build is made, and can only run the stubs again).
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void MissingFiles_ScoreExactlyAsTheKitStubsSubmitted_IndependentlyWrittenSubmission()
    {
        const string assignment = "hw3-fashion-mlp";
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var loops = Golden.Goldens.Of(assignment, Path.Combine(root, "tests", "Overlays", assignment, "PassesLoops"));
        var work = Directory.CreateTempSubdirectory("carried-rule-").FullName;
        try
        {
            string[] bonus = ["Transformer/Head.cs", "Transformer/LayerNorm.cs"];
            var (missing, stubs) = (Copy(loops, Path.Combine(work, "missing")), Copy(loops, Path.Combine(work, "stubs")));
            foreach (var file in bonus)
            {
                File.Delete(Path.Combine(missing, file));
                File.Copy(Path.Combine(root, "skeleton", assignment, "NeuralNet", file), Path.Combine(stubs, file), overwrite: true);
            }

            var a = GradingPipeline.Grade(new GradeRequest(missing, assignment, root) { Seed = 5, AllowUnsandboxed = true });
            var b = GradingPipeline.Grade(new GradeRequest(stubs, assignment, root) { Seed = 5, AllowUnsandboxed = true });

            Assert.Null(a.GraderError);
            Assert.Contains(a.Messages, m => m.Contains("Transformer/Head.cs is missing", StringComparison.Ordinal));
            Assert.Equal(0, a.Items.Single(i => i.Id == "ext-attention-backward").Points);
            Assert.Equal(
                b.Items.Select(i => (i.Id, i.Points, i.Status, string.Join("|", i.Checks.Select(c => c.Status)))),
                a.Items.Select(i => (i.Id, i.Points, i.Status, string.Join("|", i.Checks.Select(c => c.Status)))));
            Assert.Equal(b.Score, a.Score);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return to;
    }
}
