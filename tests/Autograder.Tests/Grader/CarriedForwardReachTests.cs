using Autograder.Grader.Batch;
using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Rubrics;
using Autograder.Tests.Grader.Golden;

namespace Autograder.Tests.Grader;

/// <summary>
/// Error carried forward re-runs a failing item in a build where every other part is the reference's. A check whose
/// code cannot reach a type that build changes would run the same code there, so its result is reused (a Linear layer
/// that hangs is not timed out a second time because the student's ReLU differs from the reference's); a check that
/// can reach one, or whose reach cannot be known, is still re-run.
/// </summary>
public sealed class CarriedForwardReachTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
    private const string Assignment = "hw3-fashion-mlp";

    private static (CarriedForward Carried, Rubric Rubric) Build(Func<string, string, string> edit, string? folder = null)
    {
        var profile = GradingPipeline.LoadAssignment(Root, Assignment);
        var library = CourseLibrary.Load(new Autograder.Grader.Release.RepositoryLayout(Root).ReferenceLibrary, profile.Modules);
        folder ??= Goldens.Case(Assignment, "PassesAll");
        var files = profile.Files.Where(f => File.Exists(Path.Combine(folder, f)))
            .ToDictionary(f => f, f => edit(f, File.ReadAllText(Path.Combine(folder, f))), StringComparer.Ordinal);
        var work = Directory.CreateTempSubdirectory("carried-reach-").FullName;
        var compiled = SubmissionCompiler.Compile(library, files, profile.Parts, Path.Combine(work, "NeuralNet.dll"));
        Assert.Empty(compiled.FailedFiles);
        var rubric = BatchRunner.LoadRubric(new Autograder.Grader.Pipeline.GradeRequest("", Assignment, Root));
        return (new CarriedForward(library, profile, files, TimeSpan.FromSeconds(60), work, WorkerLimits.Default, compiled.Compilation), rubric);
    }

    /// <summary>The student's ReLU backward differs from the reference's (x >= 0 instead of x > 0).</summary>
    private static string ReluDiffers(string file, string text) =>
        file == "Layers/Relu.cs" ? Replace(text, "gradOutput.MultiplyByIndicator(x, 0.0)", "gradOutput * (x >= 0.0)") : text;

    private static string Replace(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    private static RubricItem Item(Rubric rubric, string id) => rubric.Items.Single(i => i.Id == id);

    [Fact]
    public void MayDiffer_ChecksOfALayerThatDoesNotUseTheChangedType_AreNotRerun()
    {
        var (carried, rubric) = Build(ReluDiffers);
        using (carried)
        {
            var linear = Item(rubric, "3.1.1");
            Assert.All(linear.Checks, check => Assert.False(carried.MayDiffer(linear.Parts, check), $"{check.Name}: Linear does not use Relu"));

            // The model's backward pass runs the student's ReLU: re-run there.
            var model = Item(rubric, "3.1.4");
            Assert.Contains(model.Checks, check => carried.MayDiffer(model.Parts, check));

            // A re-run of a training log builds its model by name: its reach is not known, so it is re-run.
            var log = Item(rubric, "3.1.6");
            Assert.True(carried.MayDiffer(["linear.forward"], log.Checks.Single()));
        }
    }

    [Fact]
    public void MayDiffer_IndependentlyWrittenLoops_LinearNotRerunButTheModelIs()
    {
        // PassesLoops was written from the handout without the reference: its ReLU, SGD, checker and transformer files
        // all differ from the reference's, so the carried-forward build for Linear's parts changes every one of them.
        var (carried, rubric) = Build((_, text) => text, Goldens.Of(Assignment, Path.Combine(Root, "tests", "Overlays", Assignment, "PassesLoops")));
        using (carried)
        {
            var linear = Item(rubric, "3.1.1");
            Assert.All(linear.Checks, check => Assert.False(carried.MayDiffer(linear.Parts, check), $"{check.Name}: the loop-style Linear uses no other part"));
            var model = Item(rubric, "3.1.4");
            Assert.Contains(model.Checks, check => carried.MayDiffer(model.Parts, check));
        }
    }

    [Fact]
    public void MayDiffer_ALayerThatCallsTheChangedType_IsRerun()
    {
        var (carried, rubric) = Build((file, text) => file == "Layers/Linear.cs"
            ? Replace(text, "return x.MatMul(W.Value) + B.Value;", "_ = new Relu().Forward(x);\n        return x.MatMul(W.Value) + B.Value;")
            : ReluDiffers(file, text));
        using (carried)
        {
            var linear = Item(rubric, "3.1.1");
            Assert.Contains(linear.Checks, check => check.Kind == "forward" && carried.MayDiffer(linear.Parts, check));
        }
    }

    [Fact]
    public void MayDiffer_ALayerThatUsesTheCourseCatalog_IsRerun()
    {
        // The catalog creates modules by name, so what such code runs cannot be read from the types it names.
        var (carried, rubric) = Build((file, text) => file == "Layers/Linear.cs"
            ? Replace(text, "return x.MatMul(W.Value) + B.Value;", "_ = NeuralNet.Experiments.CourseCatalog.Default;\n        return x.MatMul(W.Value) + B.Value;")
            : ReluDiffers(file, text));
        using (carried)
        {
            var linear = Item(rubric, "3.1.1");
            Assert.Contains(linear.Checks, check => check.Kind == "forward" && carried.MayDiffer(linear.Parts, check));
        }
    }

    [Fact]
    public void From_EveryCheckOfEveryRubric_ResolvesOrSaysItCannot()
    {
        // The reach of a check is read from its spec's NeuralNet.* names: every traceable check of the course's rubrics
        // must resolve them in a build of the reference (a name that does not resolve would make it re-run always).
        var work = Directory.CreateTempSubdirectory("carried-reach-all-").FullName;
        foreach (var id in new[] { "hw3-fashion-mlp", "hw6-dnn-cnn", "a1-mnist-softmax", "hw5-neuralnet-cli" })
        {
            var assignment = GradingPipeline.LoadAssignment(Root, id);
            var library = CourseLibrary.Load(new Autograder.Grader.Release.RepositoryLayout(Root).ReferenceLibrary, assignment.Modules);
            var compiled = SubmissionCompiler.Compile(library, new Dictionary<string, string>(), assignment.Parts, Path.Combine(work, id, "NeuralNet.dll"));
            var reach = new TypeReach(compiled.Compilation);
            var rubric = BatchRunner.LoadRubric(new Autograder.Grader.Pipeline.GradeRequest("", id, Root));
            foreach (var (item, check) in rubric.Items.SelectMany(i => i.Checks.Select(c => (i, c))))
            {
                var reached = reach.From(check);
                if (check.Kind is "init" or "forward" or "backward" or "gradcheck" or "model" or "optimizer" or "function")
                {
                    Assert.True(reached is { Count: > 0 }, $"{id} {item.Id}/{check.Name}: its NeuralNet.* names did not resolve to source types");
                }
                else
                {
                    Assert.Null(reached);
                }
            }
        }
    }

    [Fact]
    public void MayDiffer_NothingChangedOutsideTheParts_IsFalseForEveryKind()
    {
        var (carried, rubric) = Build((_, text) => text);
        using (carried)
        {
            Assert.All(rubric.Items.Where(i => i.Parts.Count > 0).SelectMany(i => i.Checks.Select(c => (i, c))),
                p => Assert.False(carried.MayDiffer(p.i.Parts, p.c), $"{p.i.Id}/{p.c.Name}"));
        }
    }
}
