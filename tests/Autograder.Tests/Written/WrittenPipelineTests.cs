using Autograder.Grader.Checks;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Written;

/// <summary>
/// The whole path: `grade &lt;dir with answers.yaml&gt; --assignment written` through the pipeline, the
/// real worker process (sandboxed where bubblewrap exists) and the `written` check kind.
/// </summary>
public sealed class WrittenPipelineTests
{
    [Fact]
    public void Grade_AnswersFolder_ScoresEachQuestionThroughTheWorker()
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var path = Path.Combine(root, "rubrics", "written.rubric.yaml");
        var full = RubricLoader.Parse(File.ReadAllText(path), path, CheckRegistry.Names);

        // Two problems keep it quick: the CNN backprop expressions and the HW5 conv numbers.
        var rubric = full with { Items = [.. full.Items.Where(i => i.Id.StartsWith("hw3.p2.", StringComparison.Ordinal) || i.Id.StartsWith("hw5.q1.", StringComparison.Ordinal))] };
        var answers = File.ReadAllLines(Path.Combine(WrittenTestKit.GoldenDir, "PassesAll", "answers.yaml"))
            .Select(line => line.StartsWith("hw3.p2.dl_dv1:", StringComparison.Ordinal) ? "hw3.p2.dl_dv1: \"(1 - Sigmoid(y*yhat)) * y * o1\""
                : line.StartsWith("hw5.q1.params_shared:", StringComparison.Ordinal) ? "hw5.q1.params_shared: 'System.IO.File.ReadAllText(\"/etc/passwd\").Length'"
                : line);
        var submission = Directory.CreateTempSubdirectory("written-").FullName;
        File.WriteAllLines(Path.Combine(submission, "answers.yaml"), answers);

        var result = GradingPipeline.Grade(new GradeRequest(submission, "written", root) { Seed = 5, Rubric = rubric, AllowUnsandboxed = true });

        Assert.Null(result.GraderError);
        var byId = result.Items.ToDictionary(i => i.Id);
        Assert.Equal(CheckStatus.Failed, byId["hw3.p2.dl_dv1"].Status);
        Assert.Contains("sign looks flipped", byId["hw3.p2.dl_dv1"].Checks.Single().Outcome.Message, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.PolicyViolation, byId["hw5.q1.params_shared"].Status);
        Assert.Contains("strings are not allowed", byId["hw5.q1.params_shared"].Checks.Single().Outcome.Message, StringComparison.Ordinal);
        var others = result.Items.Where(i => i.Id is not ("hw3.p2.dl_dv1" or "hw5.q1.params_shared")).ToList();
        Assert.All(others, i => Assert.True(i.Status == CheckStatus.Passed, $"{i.Id}: {i.Checks.Single().Outcome.Message}"));
        Assert.Equal(rubric.MaxScore + rubric.BonusScore - 2 - 1, result.Score, 6);
    }
}
