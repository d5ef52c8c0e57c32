using System.IO.Compression;
using System.Reflection;
using Autograder.Grader.Execution;
using Autograder.Grader.Gradescope;
using Autograder.Grader.Pipeline;

namespace Autograder.Tests.Gradescope;

/// <summary>A Gradescope bundle carries the sources and the compiled code of its assignment's modules only, with the manifest that groups them, and grades from them.</summary>
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
    public void Bundle_OfA1_CarriesANeuralNetDllCompiledFromA1sModulesOnly()
    {
        var folder = Directory.CreateTempSubdirectory("bundle-library-").FullName;
        try
        {
            // This test run's own build stands in for the publish: its NeuralNet.dll, symbols and docs hold every module.
            var binaries = Directory.CreateDirectory(Path.Combine(folder, "binaries")).FullName;
            foreach (var file in new[] { "autograder.dll", "autograder-worker.dll", "NeuralNet.dll", "NeuralNet.pdb", "NeuralNet.xml", "NeuralNet.Core.dll", "System.Numerics.Tensors.dll", "YamlDotNet.dll" })
            {
                File.Copy(Path.Combine(AppContext.BaseDirectory, file), Path.Combine(binaries, file));
            }

            var foreign = ForeignModuleTypes.Of(Root, "a1-mnist-softmax");
            var zip = Path.Combine(folder, "autograder.zip");

            var entries = GradescopeBundle.Build(new BundleOptions(Root, "a1-mnist-softmax", zip) { Binaries = binaries });

            ZipFile.ExtractToDirectory(zip, Path.Combine(folder, "source"));
            var bin = Path.Combine(folder, "source", "bin");
            Assert.Superset(new HashSet<string>(["NeuralNet.Models.Hw3", "NeuralNet.Models.Hw5", "NeuralNet.Models.Hw6", "NeuralNet.Transformer"]), foreign.Namespaces.ToHashSet());
            Assert.Contains("NeuralNet.Layers.Linear", foreign.Types);
            Assert.NotEmpty(foreign.DefinedIn(Path.Combine(binaries, "NeuralNet.dll")));
            Assert.All(Directory.EnumerateFiles(bin, "*.dll", SearchOption.AllDirectories), dll => Assert.Empty(foreign.DefinedIn(dll)));
            Assert.DoesNotContain(entries, e => e.StartsWith("bin/", StringComparison.Ordinal) && Path.GetFileName(e) is "NeuralNet.pdb" or "NeuralNet.xml");
            foreach (var library in new[] { "cli", "worker" }.Select(b => Path.Combine(bin, b, "NeuralNet.dll")))
            {
                var types = ForeignModuleTypes.DefinedTypes(library).Select(t => t.FullName).ToList();
                Assert.Contains("NeuralNet.Models.A1.TwoLayerNet", types);
                Assert.Contains("NeuralNet.Optimizers.Sgd", types);
                Assert.Equal(AssemblyName.GetAssemblyName(Path.Combine(binaries, "NeuralNet.dll")).FullName, AssemblyName.GetAssemblyName(library).FullName);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
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
