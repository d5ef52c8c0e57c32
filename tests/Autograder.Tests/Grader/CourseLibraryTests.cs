using System.Text;
using Autograder.Grader.Compilation;
using Autograder.Grader.Release;
using Autograder.Grader.Release.Fixtures;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;

namespace Autograder.Tests.Grader;

public sealed class CourseLibraryTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    [Theory]
    [InlineData("hw3-fashion-mlp")]
    [InlineData("hw6-dnn-cnn")]
    public void Stub_EveryAssignmentFile_EqualsWhatReleaseGenerates(string id)
    {
        var library = CourseLibrary.Load(Path.Combine(Root, "reference", "NeuralNet"));
        var profile = GradingPipeline.LoadAssignment(Root, id);
        var kit = new KitBuilder(new RepositoryLayout(Root), FixtureSources.All).Build(profile).Files;

        foreach (var file in profile.Files)
        {
            var generated = Encoding.UTF8.GetString(kit[$"NeuralNet/{file}"]);
            Assert.True(generated == library.Stub(file, profile.Parts).ReplaceLineEndings("\n"), $"{id}: the grader's fallback for {file} differs from the kit's file");
        }
    }

    [Fact]
    public void Stub_AssignedPart_ThrowsTheKitsTodoAndKeepsProvidedRegions()
    {
        var library = CourseLibrary.Load(Path.Combine(Root, "reference", "NeuralNet"));

        var stub = library.Stub("Layers/Linear.cs", ["linear.backward"]);

        Assert.Contains("throw new NotImplementedException(\"TODO(linear.backward):", stub, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN SOLUTION linear.backward", stub, StringComparison.Ordinal);
        Assert.DoesNotContain("TODO(linear.forward)", stub, StringComparison.Ordinal);
        Assert.Equal("Layers/Linear.cs", library.FileOf("linear.forward"));
    }

    [Fact]
    public void Load_SameFolder_IsCachedUntilAFileChanges()
    {
        var dir = Directory.CreateTempSubdirectory("library-").FullName;
        File.WriteAllText(Path.Combine(dir, "A.cs"), "class A\n{\n    int F()\n    {\n        // TASK(a.f): return 1\n        // BEGIN SOLUTION a.f\n        return 1;\n        // END SOLUTION\n    }\n}\n");

        var first = CourseLibrary.Load(dir);
        var again = CourseLibrary.Load(dir);
        File.WriteAllText(Path.Combine(dir, "B.cs"), "class B { }\n");
        var changed = CourseLibrary.Load(dir);

        Assert.Same(first, again);
        Assert.NotSame(first, changed);
        Assert.Equal(["A.cs", "B.cs"], changed.Sources.Keys);
        Assert.Equal("A.cs", changed.FileOf("a.f"));
    }
}
