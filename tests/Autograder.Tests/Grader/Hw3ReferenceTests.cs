using Autograder.Grader.Checks;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Grader;

/// <summary>The real course library: the reference's own layer files, graded by the hw3 rubric's layer items, get full marks.</summary>
public sealed class Hw3ReferenceTests
{
    [Fact]
    public void Grade_ReferenceLayers_PassTheHw3LayerItems()
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var path = Path.Combine(root, "rubrics", "hw3-fashion-mlp.rubric.yaml");
        var full = RubricLoader.Parse(File.ReadAllText(path), path, CheckRegistry.Names);
        var rubric = full with { Items = [.. full.Items.Where(i => i.Id is "3.1.1" or "3.1.2" or "3.1.3")] };
        string[] files = ["Layers/Linear.cs", "Layers/Relu.cs", "Optimizers/Sgd.cs"];
        var submission = Directory.CreateTempSubdirectory("hw3-ref-").FullName;
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(submission, file))!);
            File.Copy(Path.Combine(root, "reference", "NeuralNet", file), Path.Combine(submission, file));
        }

        var result = GradingPipeline.Grade(new GradeRequest(submission, "hw3-fashion-mlp", root)
        {
            AllowUnsandboxed = true,
            Seed = 1,
            Rubric = rubric,
            Assignment = FakeCourse.Profile("hw3-fashion-mlp", files, rubric.Items.SelectMany(i => i.Parts)),
        });

        Assert.Null(result.GraderError);
        Assert.All(result.Items, i => Assert.True(i.Status == CheckStatus.Passed, $"{i.Id}: {string.Join("; ", i.Checks.Select(c => c.Outcome.Message))}"));
        Assert.Equal(12, result.Score);
    }
}
