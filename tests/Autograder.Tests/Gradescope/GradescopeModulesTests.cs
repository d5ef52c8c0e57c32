using System.IO.Compression;
using Autograder.Grader.Execution;
using Autograder.Grader.Gradescope;
using Autograder.Grader.Pipeline;

namespace Autograder.Tests.Gradescope;

/// <summary>A Gradescope bundle carries the sources of its assignment's modules only, with the manifest that groups them, and grades from them.</summary>
public sealed class GradescopeModulesTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    [Fact]
    public void Bundle_OfA1_HoldsA1sModulesAndNoOtherAssignmentsSources()
    {
        var zip = Path.Combine(Directory.CreateTempSubdirectory("bundle-modules-").FullName, "autograder.zip");
        try
        {
            var entries = GradescopeBundle.Build(new BundleOptions(Root, "a1-mnist-softmax", zip) { IncludeBinaries = false });

            Assert.Contains("course/reference/NeuralNet/modules.yaml", entries);
            Assert.Contains("course/data/checksums.sha256", entries);
            Assert.Contains("course/reference/NeuralNet/Models/A1/TwoLayerNet.cs", entries);
            Assert.Contains("course/reference/NeuralNet/Optimizers/Sgd.cs", entries);
            Assert.DoesNotContain("course/reference/NeuralNet/Layers/Linear.cs", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("course/reference/NeuralNet/Transformer/", StringComparison.Ordinal)
                || e.StartsWith("course/reference/NeuralNet/Models/Hw", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(zip)!, recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void BundledCourse_ProvesItsRubricAndGradesTheReference_FromItsOwnModuleSources()
    {
        var folder = Directory.CreateTempSubdirectory("bundle-course-").FullName;
        try
        {
            var zip = Path.Combine(folder, "autograder.zip");
            GradescopeBundle.Build(new BundleOptions(Root, "a1-mnist-softmax", zip) { IncludeBinaries = false });
            ZipFile.ExtractToDirectory(zip, Path.Combine(folder, "source"));
            var course = Path.Combine(folder, "source", "course");

            var proof = RubricProof.Run(new GradeRequest("", "a1-mnist-softmax", course), cacheFolder: Path.Combine(folder, "proofs"));
            var result = GradingPipeline.Grade(new GradeRequest(Autograder.Tests.Grader.Golden.Goldens.Case("a1-mnist-softmax", "PassesAll"), "a1-mnist-softmax", course) { AllowUnsandboxed = true });

            Assert.True(proof.Ok, proof.Describe());
            Assert.Null(result.GraderError);
            Assert.Equal(result.MaxScore, result.Score);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
