using Autograder.Cli;

namespace Autograder.Tests.Release;

/// <summary>`autograder new`: bad ids and existing files are refused with a clear message and nothing written; a fresh scaffold's rubric is not proved until the reference is written.</summary>
[Trait("Category", "Slow")]
public sealed class NewCommandTests
{
    private static (int Exit, string Output) Cli(params string[] args)
    {
        var error = new StringWriter();
        var before = Console.Error;
        Console.SetError(error);
        try
        {
            return ((int)typeof(GradeCommand).Assembly.EntryPoint!.Invoke(null, [args])!, error.ToString());
        }
        finally
        {
            Console.SetError(before);
        }
    }

    [Fact]
    public void New_InvalidIdOrExistingAssignment_IsRefusedAndWritesNothing()
    {
        var course = AuthoringWalkthroughTests.NewCourse();
        try
        {
            var modules = File.ReadAllText(Path.Combine(course, "reference", "NeuralNet", "modules.yaml"));

            var (badExit, badMessage) = Cli("new", "HW7_Adam", "--course-root", course);
            Assert.Equal(2, badExit);
            Assert.Contains("'HW7_Adam' is not a valid assignment id", badMessage, StringComparison.Ordinal);
            Assert.Equal(modules, File.ReadAllText(Path.Combine(course, "reference", "NeuralNet", "modules.yaml")));

            var (existingExit, existingMessage) = Cli("new", "hw3", "--course-root", course);
            Assert.Equal(2, existingExit);
            Assert.Contains("already has a module named hw3", existingMessage, StringComparison.Ordinal);

            Assert.Equal(0, Cli("new", "hw8-demo", "--course-root", course).Exit);
            var written = File.ReadAllText(Path.Combine(course, "reference", "NeuralNet", "Models", "Hw8Demo", "Hw8DemoDense.cs"));
            var (againExit, againMessage) = Cli("new", "hw8-demo", "--course-root", course);
            Assert.Equal(2, againExit);
            Assert.Contains("already has a module named hw8-demo", againMessage, StringComparison.Ordinal);
            Assert.Equal(written, File.ReadAllText(Path.Combine(course, "reference", "NeuralNet", "Models", "Hw8Demo", "Hw8DemoDense.cs")));
        }
        finally
        {
            Directory.Delete(course, recursive: true);
        }
    }

    [Fact]
    public void New_BeforeTheReferenceIsWritten_ReleasesButTheRubricIsNotProved()
    {
        var course = AuthoringWalkthroughTests.NewCourse();
        try
        {
            Assert.Equal(0, Cli("new", "hw8-demo", "--course-root", course).Exit);
            Assert.Equal(0, Cli("release", "hw8-demo", "--course-root", course).Exit);

            var (exit, _) = Cli("check-rubric", "--assignment", "hw8-demo", "--course-root", course);

            Assert.Equal(1, exit);
            Assert.True(File.Exists(Path.Combine(course, "skeleton", "hw8-demo", "lib", "NeuralNet.Core.dll")));
        }
        finally
        {
            Directory.Delete(course, recursive: true);
        }
    }
}
