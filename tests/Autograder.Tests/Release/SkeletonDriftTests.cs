using Autograder.Grader.Release;

namespace Autograder.Tests.Release;

/// <summary>The committed skeleton/ is generated, never edited: it must equal what release produces now.</summary>
public sealed class SkeletonDriftTests
{
    public static TheoryData<string> Assignments() => ReleasedKitTests.Assignments();

    [Theory]
    [MemberData(nameof(Assignments))]
    public void CommittedSkeleton_EqualsReleaseOutput(string assignment)
    {
        var release = new KitRelease(RepositoryLayout.Find(AppContext.BaseDirectory));

        var difference = release.Build(assignment).FirstDifference(release.SkeletonOf(assignment));

        Assert.True(difference is null,
            $"skeleton/{assignment} differs from what `autograder release {assignment}` generates now: {difference}. Re-run the release and commit the result; never edit skeleton/ by hand.");
    }

    [Theory]
    [MemberData(nameof(Assignments))]
    public void CommittedPackScript_IsExecutable(string assignment)
    {
        var pack = Path.Combine(new KitRelease(RepositoryLayout.Find(AppContext.BaseDirectory)).SkeletonOf(assignment), "pack.sh");
        if (OperatingSystem.IsWindows())
        {
            return; // No execute bit there; students run pack.cmd.
        }

        Assert.True((File.GetUnixFileMode(pack) & UnixFileMode.UserExecute) != 0, $"{pack} is not executable: students' ./pack.sh would fail with 'Permission denied' (git update-index --chmod=+x)");
    }

    [Fact]
    public void Reference_HoldsNoTodoOrStub_ItsInstructionsAreTaskLines()
    {
        var layout = RepositoryLayout.Find(AppContext.BaseDirectory);
        var offenders = Directory.EnumerateFiles(Path.Combine(layout.Root, "reference"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !RepositoryLayout.IsBuildOutput(Path.GetRelativePath(layout.Root, f).Replace('\\', '/')))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => x.line.Contains("TODO", StringComparison.Ordinal) || x.line.Contains("NotImplementedException", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(layout.Root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "the reference must be complete:\n" + string.Join('\n', offenders));
        Assert.Contains("// TODO(linear.backward):", File.ReadAllText(Path.Combine(layout.Skeleton, "hw3-fashion-mlp", "NeuralNet", "Layers", "Linear.cs")), StringComparison.Ordinal);
    }
}
