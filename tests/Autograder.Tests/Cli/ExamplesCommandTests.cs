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

    [Fact]
    public void GradingOrder_PutsTheExamplesExpectedToTimeOutFirst_ThenKeepsNameOrder()
    {
        // HW3's stored examples: InfiniteLoopInForward (its expected.json expects two timeouts) waits out its limits on one
        // core, so it starts first; the rest keep their name order.
        var examples = Directory.GetDirectories(Path.Combine(Root, "tests", "Golden", "hw3-fashion-mlp")).Order(StringComparer.Ordinal).ToList();

        var order = ExamplesCommand.GradingOrder(examples).Select(i => Path.GetFileName(examples[i])).ToList();

        Assert.Equal("InfiniteLoopInForward", order[0]);
        Assert.Equal(examples.Select(Path.GetFileName).Where(n => n != "InfiniteLoopInForward"), order.Skip(1));
    }

    [Fact]
    public void GradingOrder_AnUnreadableManifestCountsAsNoTimeout()
    {
        var folder = Directory.CreateTempSubdirectory("examples-order-").FullName;
        try
        {
            var (broken, slow, plain) = (Path.Combine(folder, "A"), Path.Combine(folder, "B"), Path.Combine(folder, "C"));
            foreach (var d in new[] { broken, slow, plain })
            {
                Directory.CreateDirectory(d);
            }

            File.WriteAllText(Path.Combine(broken, "expected.json"), "{ not json");
            File.WriteAllText(Path.Combine(slow, "expected.json"), """{"items": {"1": {"status": "timeout"}, "2": {"status": "passed"}}}""");

            Assert.Equal([1, 0, 2], ExamplesCommand.GradingOrder([broken, slow, plain]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
