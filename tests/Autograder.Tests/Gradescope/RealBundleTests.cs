using System.IO.Compression;
using Autograder.Grader.Execution;
using Autograder.Grader.Gradescope;

namespace Autograder.Tests.Gradescope;

/// <summary>The real Homework 3 bundle, published as an instructor builds it: small, one assignment's files, linux-x64 natives only.</summary>
public sealed class RealBundleTests
{
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
        Assert.All(entries.Where(e => e.StartsWith("course/data/", StringComparison.Ordinal) && e != "course/data/checksums.sha256"), e => Assert.StartsWith("course/data/fashion-mnist/", e, StringComparison.Ordinal));
        Assert.Contains("course/data/checksums.sha256", entries);
        Assert.Contains("course/reference/NeuralNet/Transformer/Head.cs", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("course/reference/NeuralNet/Models/A1/", StringComparison.Ordinal) || e.StartsWith("course/reference/NeuralNet/Models/Hw6/", StringComparison.Ordinal));
        var natives = entries.Where(e => e.Contains("/runtimes/", StringComparison.Ordinal)).Select(e => e.Split("/runtimes/")[1].Split('/')[0]).Distinct().ToList();
        Assert.All(natives, rid => Assert.Contains(rid, new[] { "linux-x64", "linux", "unix" }));
        Assert.Contains("bin/cli/autograder.dll", entries);
        Assert.Contains("bin/worker/autograder-worker.dll", entries);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("/runtimes/linux-x64/native/libSkiaSharp.so", StringComparison.Ordinal));
    }
}
