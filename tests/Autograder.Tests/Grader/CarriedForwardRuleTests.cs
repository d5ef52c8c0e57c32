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
}
