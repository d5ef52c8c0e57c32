using System.Diagnostics;
using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Security;

/// <summary>
/// The compile stage's two defences against a submission that makes Roslyn slow: the syntax guard on
/// nested type names (the known exponential case, see the SlowCompileNestedGenerics attack) and the
/// wall-clock backstop for anything else.
/// </summary>
public sealed class CompileGuardTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    private const string File = "Gradients/GradientChecker.cs";

    private static readonly string[] Parts = ["gradcheck.approximate"];

    private static string Pristine() => System.IO.File.ReadAllText(Path.Combine(Autograder.Tests.Grader.Golden.Goldens.Case("hw3-fashion-mlp", "PassesAll"), File));

    /// <summary>PassesAll's checker plus a field whose type is <c>Outer.Outer...Outer</c>, <paramref name="names"/> names long (names - 1 levels of qualification).</summary>
    private static string WithQualifiedName(int names) =>
        Pristine().TrimEnd().TrimEnd('}') +
        "    private sealed class Outer { public sealed class Inner { } }\n" +
        $"    private static {string.Join(".", Enumerable.Repeat("Outer", names))}? deep;\n}}\n";

    [Theory]
    [InlineData(14, true)]
    [InlineData(13, false)]
    public void Compile_TypeNamesNestedTooDeep_AreACompileErrorOfThatFileOnly(int names, bool rejected)
    {
        var library = CourseLibrary.Load(Path.Combine(Root, "reference", "NeuralNet"));
        var output = Path.Combine(Directory.CreateTempSubdirectory("compile-guard-").FullName, "NeuralNet.dll");

        var result = SubmissionCompiler.Compile(library, new Dictionary<string, string> { [File] = WithQualifiedName(names) }, Parts, output);

        Assert.NotNull(result.AssemblyPath);
        if (rejected)
        {
            var error = Assert.Single(Assert.Contains(File, result.FailedFiles));
            Assert.Equal(SubmissionCompiler.NestingId, error.Id);
            Assert.Contains("nested more than 12 levels", error.Message, StringComparison.Ordinal);
        }
        else
        {
            // Twelve levels of a name that does not exist is an ordinary compile error, not the guard's.
            Assert.DoesNotContain(result.FailedFiles.GetValueOrDefault(File) ?? [], e => e.Id == SubmissionCompiler.NestingId);
        }
    }

    [Fact]
    public void Compile_SlowerThanTheTimeoutWithNoSlowFile_StopsWaitingWithATimeoutNotZeroPoints()
    {
        var library = CourseLibrary.Load(Path.Combine(Root, "reference", "NeuralNet"));
        var output = Path.Combine(Directory.CreateTempSubdirectory("compile-guard-").FullName, "NeuralNet.dll");
        var clock = Stopwatch.StartNew();

        // One millisecond is shorter than any compilation, and the file alone is quick to check: the backstop must give
        // up without blaming the file (the pipeline turns the exception into a grader error, regraded by the next batch run).
        var error = Assert.Throws<TimeoutException>(() => SubmissionCompiler.Compile(
            library, new Dictionary<string, string> { [File] = Pristine() + "\n// timeout probe\n" }, Parts, output, TimeSpan.FromMilliseconds(1)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Contains("no single file was to blame", error.Message, StringComparison.Ordinal);
    }
}
