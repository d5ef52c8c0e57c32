using System.IO.Compression;
using System.Text.Json.Nodes;
using Autograder.Grader.Execution;
using Autograder.Grader.Gradescope;
using Autograder.Tests.Grader.Golden;
using Autograder.Tests.Release;

namespace Autograder.Tests.Gradescope;

/// <summary>
/// Real bundles, published as an instructor builds them: small, one assignment's files and compiled code, linux-x64 natives
/// only, and (A1) graded by their own run_autograder and binaries.
/// </summary>
[Collection(InRepositoryBuilds.Name)]
public sealed class RealBundleTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void A1Bundle_CarriesNoOtherModulesCompiledCode_AndItsRunAutograderGradesTheReferenceToFullMarks()
    {
        var repository = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var root = Directory.CreateTempSubdirectory("a1-bundle-").FullName;
        try
        {
            var zip = Path.Combine(root, "autograder.zip");
            GradescopeBundle.Build(new BundleOptions(repository, "a1-mnist-softmax", zip));
            ZipFile.ExtractToDirectory(zip, Path.Combine(root, "source"));
            File.Copy(Path.Combine(root, "source", "run_autograder"), Path.Combine(root, "run_autograder"));   // as Gradescope does
            var reference = Goldens.Case("a1-mnist-softmax", "PassesAll");
            foreach (var file in Directory.EnumerateFiles(reference, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(root, "submission", Path.GetRelativePath(reference, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }

            var output = GradescopeBundleTests.RunScript(Path.Combine(root, "run_autograder"), root, binaries: null);

            var size = new FileInfo(zip).Length;
            Assert.True(size < 50L << 20, $"the bundle is {size / (1 << 20)} MB");
            var foreign = ForeignModuleTypes.Of(repository, "a1-mnist-softmax");
            var bin = Path.Combine(root, "source", "bin");
            Assert.All(Directory.EnumerateFiles(bin, "*.dll", SearchOption.AllDirectories), dll => Assert.Empty(foreign.DefinedIn(dll)));
            Assert.Contains(("NeuralNet.Models.A1", "NeuralNet.Models.A1.TwoLayerNet"), ForeignModuleTypes.DefinedTypes(Path.Combine(bin, "cli", "NeuralNet.dll")));
            var json = File.ReadAllText(Path.Combine(root, "results", "results.json"));
            Assert.True(GradescopeSchema.Errors(json).Count == 0, string.Join("\n", GradescopeSchema.Errors(json)) + "\n" + output);
            var results = JsonNode.Parse(json)!;
            var tests = results["tests"]!.AsArray();
            Assert.NotEmpty(tests);
            Assert.All(tests, t => Assert.Equal("passed", t!["status"]!.GetValue<string>()));
            Assert.Equal(tests.Sum(t => t!["max_score"]!.GetValue<double>()), results["score"]!.GetValue<double>());
            Assert.Contains("sandbox: full", results["output"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Hw3Bundle_IsUnder50MB_AndHoldsOnlyItsAssignmentAndLinuxX64Natives()
    {
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var zip = Path.Combine(Directory.CreateTempSubdirectory("bundle-").FullName, "autograder.zip");

        var entries = GradescopeBundle.Build(new BundleOptions(root, "hw3-fashion-mlp", zip));

        var size = new FileInfo(zip).Length;
        Assert.True(size < 50L << 20, $"the bundle is {size / (1 << 20)} MB");
        Assert.Equal(["course/rubrics/hw3-fashion-mlp.assignment.yaml", "course/rubrics/hw3-fashion-mlp.rubric.yaml"],
            entries.Where(e => e.StartsWith("course/rubrics/", StringComparison.Ordinal) && !e.StartsWith("course/rubrics/schemas/", StringComparison.Ordinal)));
        // The profile's data sets only: Fashion-MNIST, and the Shakespeare text of Problem 4's runs; never MNIST or HW5's.
        Assert.All(entries.Where(e => e.StartsWith("course/data/", StringComparison.Ordinal) && e != "course/data/checksums.sha256"),
            e => Assert.True(e.StartsWith("course/data/fashion-mnist/", StringComparison.Ordinal) || e.StartsWith("course/data/shakespeare/", StringComparison.Ordinal), e));
        Assert.Contains("course/data/shakespeare/sonnets.txt", entries);
        Assert.Contains("course/data/checksums.sha256", entries);
        Assert.Contains("course/reference/NeuralNet/Transformer/Head.cs", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("course/reference/NeuralNet/Models/A1/", StringComparison.Ordinal) || e.StartsWith("course/reference/NeuralNet/Models/Hw6/", StringComparison.Ordinal));
        var natives = entries.Where(e => e.Contains("/runtimes/", StringComparison.Ordinal)).Select(e => e.Split("/runtimes/")[1].Split('/')[0]).Distinct().ToList();
        Assert.All(natives, rid => Assert.Contains(rid, new[] { "linux-x64", "linux", "unix" }));
        Assert.Contains("bin/cli/autograder.dll", entries);
        Assert.Contains("bin/worker/autograder-worker.dll", entries);
        // The CLI is published for linux-x64 (its natives beside it), the worker portable (other systems' natives dropped).
        Assert.Contains("bin/cli/libSkiaSharp.so", entries);
        using var archive = ZipFile.OpenRead(zip);
        var foreign = ForeignModuleTypes.Of(root, "hw3-fashion-mlp");
        var dlls = archive.Entries.Where(e => e.FullName.StartsWith("bin/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).Select(e =>
        {
            var file = Path.Combine(Path.GetDirectoryName(zip)!, e.FullName);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            e.ExtractToFile(file);
            return file;
        }).ToList();
        Assert.Contains(dlls, d => d.EndsWith("/bin/cli/NeuralNet.dll", StringComparison.Ordinal));
        Assert.All(dlls, dll => Assert.Empty(foreign.DefinedIn(dll)));

        // Each submission is graded by a fresh process: the grader and the Roslyn that compiles the submission carry
        // precompiled (ReadyToRun) code instead of being JIT-compiled from IL every time.
        Assert.All(new[] { "bin/cli/autograder.dll", "bin/cli/Autograder.Grader.dll", "bin/cli/Microsoft.CodeAnalysis.CSharp.dll" },
            name => Assert.True(PrecompiledCliTests.IsReadyToRun(dlls.Single(d => d.EndsWith("/" + name, StringComparison.Ordinal))), $"{name} has no ReadyToRun code"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Bundle_WhereTheCliCannotBePrecompiled_IsPublishedAsIl_AndTheLogSaysSo()
    {
        // As on a machine without the ReadyToRun compiler package: here, a runtime nobody can precompile for.
        var root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var dir = Directory.CreateTempSubdirectory("bundle-il-").FullName;
        var zip = Path.Combine(dir, "autograder.zip");
        var log = new List<string>();

        var entries = GradescopeBundle.Build(new BundleOptions(root, "a1-mnist-softmax", zip) { ReadyToRunRuntime = "no-such-runtime", Log = log.Add });

        Assert.Contains(log, l => l.Contains("the ReadyToRun publish of grader/Autograder.Cli failed", StringComparison.Ordinal)
            && l.Contains("publishing it without precompiled code", StringComparison.Ordinal));
        Assert.Contains("bin/cli/autograder.dll", entries);
        using var archive = ZipFile.OpenRead(zip);
        var cli = Path.Combine(dir, "autograder.dll");
        archive.GetEntry("bin/cli/autograder.dll")!.ExtractToFile(cli);
        Assert.False(PrecompiledCliTests.IsReadyToRun(cli));
        Directory.Delete(dir, recursive: true);
    }
}
