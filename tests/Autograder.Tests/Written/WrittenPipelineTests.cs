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

    [Fact]
    public void Grade_Hw3Backprop_CarriesWrongGradientsForwardAndNamesTheUpdatedVDeduction()
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var path = Path.Combine(root, "rubrics", "written.rubric.yaml");
        var full = RubricLoader.Parse(File.ReadAllText(path), path, CheckRegistry.Names);
        var rubric = full with { Items = [.. full.Items.Where(i => i.Id.StartsWith("hw3.p2.", StringComparison.Ordinal))] };

        // A student who drops y from dl/dv1, uses that gradient in v1's update, and updates v before w.
        var changed = new Dictionary<string, string>
        {
            ["hw3.p2.dl_dv1"] = "(Sigmoid(y*yhat) - 1) * o1",
            ["hw3.p2.update_v1"] = "v1 - eta*(Sigmoid(y*yhat) - 1)*o1",
            ["hw3.p2.update_w1"] = "w1 - eta*(Sigmoid(y*yhat) - 1)*y*((v1 - eta*(Sigmoid(y*yhat) - 1)*y*o1)*H(a1)*x1 + (v2 - eta*(Sigmoid(y*yhat) - 1)*y*o2)*H(a2)*x2)",
            ["hw3.p2.update_w2"] = "w2 - eta*(Sigmoid(y*yhat) - 1)*y*((v1 - eta*(Sigmoid(y*yhat) - 1)*y*o1)*H(a1)*x2 + (v2 - eta*(Sigmoid(y*yhat) - 1)*y*o2)*H(a2)*x3)",
        };
        var answers = File.ReadAllLines(Path.Combine(WrittenTestKit.GoldenDir, "PassesAll", "answers.yaml"))
            .Select(line => changed.FirstOrDefault(c => line.StartsWith(c.Key + ":", StringComparison.Ordinal)) is { Key: not null } c ? $"{c.Key}: \"{c.Value}\"" : line);
        var submission = Directory.CreateTempSubdirectory("written-").FullName;
        File.WriteAllLines(Path.Combine(submission, "answers.yaml"), answers);

        var result = GradingPipeline.Grade(new GradeRequest(submission, "written", root) { Seed = 7, Rubric = rubric, AllowUnsandboxed = true });

        Assert.Null(result.GraderError);
        var byId = result.Items.ToDictionary(i => i.Id);
        Assert.Equal(0, byId["hw3.p2.dl_dv1"].Points);
        Assert.Equal(CheckStatus.Passed, byId["hw3.p2.update_v1"].Status);
        Assert.Contains("(error carried forward)", byId["hw3.p2.update_v1"].Checks.Single().Outcome.Message, StringComparison.Ordinal);
        foreach (var id in new[] { "hw3.p2.update_w1", "hw3.p2.update_w2" })
        {
            Assert.Equal(0, byId[id].Points);
            Assert.Contains("Deduct 2 points if updating w_1/w_2 with the updated value of v_1/v_2", byId[id].Checks.Single().Outcome.Message, StringComparison.Ordinal);
        }

        Assert.Equal(rubric.MaxScore - 2 - 2, result.Score, 6);
    }
}
