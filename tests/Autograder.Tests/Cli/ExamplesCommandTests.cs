using Autograder.Cli;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Cli;

/// <summary>`autograder examples --out DIR`: the stored examples (overlays) written out as full submissions, graded by nothing.</summary>
public sealed class ExamplesCommandTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    private static int RunCli(params string[] args) => (int)typeof(GradeCommand).Assembly.EntryPoint!.Invoke(null, [args])!;

    [Fact]
    public void Out_WritesEveryExampleAsAFullSubmission_AndRefusesToWriteOverThem()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("examples-out-").FullName, "hw5");
        try
        {
            Assert.Equal(0, RunCli("examples", "--assignment", "hw5-neuralnet-cli", "--out", target, "--course-root", Root));

            var names = Directory.EnumerateDirectories(Path.Combine(Root, "tests", "Golden", "hw5-neuralnet-cli")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
            Assert.Equal(names, Directory.EnumerateDirectories(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var passesAll = File.ReadAllText(Path.Combine(target, "PassesAll", "Models", "Hw5", "Hw5Network.cs"));
            Assert.Equal(File.ReadAllText(Path.Combine(Root, "reference", "NeuralNet", "Models", "Hw5", "Hw5Network.cs")), passesAll);
            var bug = File.ReadAllText(Path.Combine(target, "FailsBackwardKeepsBiasRow", "Models", "Hw5", "Hw5Network.cs"));
            Assert.Equal(File.ReadAllText(Path.Combine(Root, "tests", "Golden", "hw5-neuralnet-cli", "FailsBackwardKeepsBiasRow", "Models", "Hw5", "Hw5Network.cs")), bug);
            Assert.Empty(Directory.EnumerateFiles(target, "expected.json", SearchOption.AllDirectories));

            Assert.Equal(2, RunCli("examples", "--assignment", "hw5-neuralnet-cli", "--out", target, "--course-root", Root));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(target)!, recursive: true);
        }
    }
}
