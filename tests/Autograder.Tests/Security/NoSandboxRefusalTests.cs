using Autograder.Cli;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Tests.Data;
using Autograder.Tests.Grader;

namespace Autograder.Tests.Security;

/// <summary>
/// Where the full sandbox is unavailable (simulated with AUTOGRADER_SANDBOX=none), untrusted submissions are
/// refused unless the user says --no-sandbox, and a result graded that way says <c>sandbox: none</c>. Runs alone:
/// it changes a process-wide environment variable.
/// </summary>
[Collection(DataStoreEnvironmentCollection.Name)]
public sealed class NoSandboxRefusalTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    [Fact]
    public void Pipeline_WithoutTheSandbox_RefusesUnlessAllowed()
    {
        using var _ = new SandboxOff();
        var submission = FakeCourse.Submission();
        var template = Autograder.Tests.Batch.BatchClass.Template;

        var refused = GradingPipeline.Grade(template with { Submission = submission, AllowUnsandboxed = false });
        var allowed = GradingPipeline.Grade(template with { Submission = submission, AllowUnsandboxed = true });

        Assert.StartsWith("refusing to run an untrusted submission without the sandbox: AUTOGRADER_SANDBOX=none is set.", refused.GraderError, StringComparison.Ordinal);
        Assert.Contains("apt-get install bubblewrap", refused.GraderError, StringComparison.Ordinal);
        Assert.Equal(0, refused.Score);
        Assert.Null(allowed.GraderError);
        Assert.Equal("none", allowed.Sandbox);
        Assert.Equal(allowed.MaxScore, allowed.Score);
    }

    [Fact]
    public void GradeCommand_WithoutTheSandbox_WritesARefusalResultAndExitsOne_AndWithNoSandboxGrades()
    {
        using var _ = new SandboxOff();
        var submission = Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "PassesAll");
        var folder = Directory.CreateTempSubdirectory("no-sandbox-").FullName;
        var refusedPath = Path.Combine(folder, "refused.json");
        var gradedPath = Path.Combine(folder, "graded.json");

        var refused = GradeCommand.Create().Parse([submission, "--assignment", "hw3-fashion-mlp", "--course-root", Root, "--result", refusedPath, "--out", Path.Combine(folder, "r.txt")]).Invoke();
        var graded = GradeCommand.Create().Parse([submission, "--assignment", "hw3-fashion-mlp", "--course-root", Root, "--result", gradedPath, "--out", Path.Combine(folder, "g.txt"), "--no-sandbox"]).Invoke();

        Assert.Equal(1, refused);
        Assert.Contains("refusing to run an untrusted submission without the sandbox", File.ReadAllText(refusedPath), StringComparison.Ordinal);
        Assert.Equal(0, graded);
        Assert.Contains("\"sandbox\": \"none\"", File.ReadAllText(gradedPath), StringComparison.Ordinal);
    }

    /// <summary>Sets AUTOGRADER_SANDBOX=none for the test's duration.</summary>
    private sealed class SandboxOff : IDisposable
    {
        private readonly string? _before = Environment.GetEnvironmentVariable("AUTOGRADER_SANDBOX");

        public SandboxOff()
        {
            Environment.SetEnvironmentVariable("AUTOGRADER_SANDBOX", "none");
            Assert.False(SandboxLauncher.FullSandboxAvailable);
        }

        public void Dispose() => Environment.SetEnvironmentVariable("AUTOGRADER_SANDBOX", _before);
    }
}
