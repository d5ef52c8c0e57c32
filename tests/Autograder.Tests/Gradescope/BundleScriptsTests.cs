using Autograder.Grader.Gradescope;

namespace Autograder.Tests.Gradescope;

public sealed class BundleScriptsTests
{
    [Fact]
    public void RunAutograder_GradesInTheSandbox_UnlessTheBundleWasBuiltWithNoSandbox()
    {
        var strict = BundleScripts.Run("hw3-fashion-mlp");
        var relaxed = BundleScripts.Run("hw3-fashion-mlp", allowUnsandboxed: true);

        Assert.DoesNotContain("--no-sandbox", strict, StringComparison.Ordinal);
        Assert.Contains("gradescope hw3-fashion-mlp --run --root \"$ROOT\" --course-root \"$SOURCE/course\" --no-sandbox", relaxed, StringComparison.Ordinal);
    }
}
