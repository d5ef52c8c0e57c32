using Autograder.Grader.Assignments;
using Autograder.Grader.Execution;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Release;

/// <summary>
/// HW3's optional extension (the attention head and layer norm, rubric items ext-*) is one flag in the assignment
/// profile: on, its parts and files are the students'; off, they are provided code, their public checks go, and the
/// rubric's items that grade them are dropped when the rubric is read.
/// </summary>
public sealed class ExtensionSwitchTests : IDisposable
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
    private static readonly string[] ExtensionParts = ["attention.head.forward", "attention.head.backward", "layernorm.forward", "layernorm.backward"];
    private readonly string _dir = Directory.CreateTempSubdirectory("extension-switch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // The course's own HW3 profile and rubric, copied with the flag set.
    private (AssignmentProfile Profile, Rubric Rubric) Hw3(bool enabled)
    {
        var profile = File.ReadAllText(Path.Combine(Root, "rubrics", "hw3-fashion-mlp.assignment.yaml"));
        Assert.Contains("    enabled: true\n", profile, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_dir, "hw3-fashion-mlp.assignment.yaml"), profile.Replace("    enabled: true\n", $"    enabled: {(enabled ? "true" : "false")}\n", StringComparison.Ordinal));
        File.Copy(Path.Combine(Root, "rubrics", "hw3-fashion-mlp.rubric.yaml"), Path.Combine(_dir, "hw3-fashion-mlp.rubric.yaml"));
        return (AssignmentProfile.Load(Path.Combine(_dir, "hw3-fashion-mlp.assignment.yaml")), RubricLoader.Load(Path.Combine(_dir, "hw3-fashion-mlp.rubric.yaml")));
    }

    [Fact]
    public void On_TheExtensionsPartsFilesChecksAndItemsAreTheStudents()
    {
        var (profile, rubric) = Hw3(enabled: true);

        Assert.Equal(ExtensionParts, profile.Parts.TakeLast(4));
        Assert.Equal(["Transformer/Head.cs", "Transformer/LayerNorm.cs"], profile.Files.TakeLast(2));
        Assert.Equal(ExtensionParts, profile.PublicChecks.Select(c => c.Part).Where(ExtensionParts.Contains));
        Assert.Empty(profile.DisabledParts);
        Assert.Equal(["ext-attention-forward", "ext-attention-backward", "ext-layernorm-forward", "ext-layernorm-backward"],
            rubric.Items.Where(i => i.Id.StartsWith("ext-", StringComparison.Ordinal)).Select(i => i.Id));
        Assert.Equal(13, rubric.BonusScore);
    }

    [Fact]
    public void Off_TheExtensionIsProvidedCodeAndItsItemsAreDropped()
    {
        var (profile, rubric) = Hw3(enabled: false);

        Assert.DoesNotContain(profile.Parts, ExtensionParts.Contains);
        Assert.DoesNotContain("Transformer/Head.cs", profile.Files);
        Assert.DoesNotContain(profile.PublicChecks, c => ExtensionParts.Contains(c.Part));
        Assert.Equal(ExtensionParts.Order(StringComparer.Ordinal), profile.DisabledParts.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(rubric.Items, i => i.Id.StartsWith("ext-", StringComparison.Ordinal));
        // Problem 3 and Problem 4.1 are untouched: 34 automatic points, 4.1's 5 automatic bonus points.
        Assert.Equal(34, rubric.MaxScore);
        Assert.Equal(5, rubric.BonusScore);
    }

    [Fact]
    public void APartInBothTheAssignmentAndAnExtension_IsRefusedNamingIt()
    {
        var e = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Parse("""
            id: demo
            title: Demo
            parts: [demo.scale]
            files: [Demo/Scaler.cs]
            extensions:
              - id: extra
                enabled: false
                parts: [demo.scale]
            """, "demo.assignment.yaml"));

        Assert.Contains("'demo.scale' is in extension 'extra' and also in the assignment's own parts or files; list it once", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnabledFlagThatIsNotABoolean_IsRefused()
    {
        var e = Assert.Throws<AssignmentProfileException>(() => AssignmentProfile.Parse("""
            id: demo
            title: Demo
            parts: [demo.scale]
            files: [Demo/Scaler.cs]
            extensions:
              - id: extra
                enabled: maybe
                parts: [demo.other]
            """, "demo.assignment.yaml"));

        Assert.Contains("expected true or false, found 'maybe'", e.Message, StringComparison.Ordinal);
    }
}
