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
}
