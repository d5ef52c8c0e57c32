using Autograder.Grader.Results;

namespace Autograder.Tests.Grader;

public sealed class GradingPipelineTests
{
    private static FakeCourse Course => FakeCourse.Instance;

    [Fact]
    public void Grade_ReferenceSolution_GetsFullMarks()
    {
        var result = Course.Grade(FakeCourse.Submission());

        Assert.Null(result.GraderError);
        Assert.All(result.Items, i => Assert.True(i.Status == CheckStatus.Passed, $"{i.Id}: {string.Join("; ", i.Checks.Select(c => c.Outcome.Message))}"));
        Assert.Equal(14, result.Score);
        Assert.Equal(14, result.MaxScore);
    }
}
