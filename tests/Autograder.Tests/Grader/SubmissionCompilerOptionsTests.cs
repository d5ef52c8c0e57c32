using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autograder.Tests.Grader;

/// <summary>
/// A grade compiles with nullable annotations but without nullable warnings: only errors decide a grade, and the flow
/// analysis behind the warnings was about a quarter of Roslyn's time. Turning it off must not change what runs.
/// </summary>
public sealed class SubmissionCompilerOptionsTests
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;

    [Fact]
    public void Options_ReferenceLibrary_EmitsTheSameBytesAsWithNullableWarnings()
    {
        var graded = SubmissionCompiler.Create(CourseLibrary.Load(Path.Combine(Root, "reference", "NeuralNet")).Sources, "NeuralNet");
        var warned = graded.WithOptions(graded.Options.WithNullableContextOptions(NullableContextOptions.Enable));

        var gradedBytes = Emit(graded);
        var warnedBytes = Emit(warned);

        Assert.True(gradedBytes.Length > 100_000, $"the reference library compiled to only {gradedBytes.Length} bytes");
        Assert.Equal(warnedBytes, gradedBytes);
    }

    [Fact]
    public void Options_NullableMistake_IsNotAnalysedButAnnotationsCompile()
    {
        var sources = new Dictionary<string, string>
        {
            ["Layers/Probe.cs"] = """
                namespace NeuralNet.Layers;

                public static class Probe
                {
                    public static string? Maybe(bool yes) => yes ? "x" : null;

                    public static int Length(bool yes)
                    {
                        string s = Maybe(yes);
                        return s.Length;
                    }
                }
                """,
        };
        var graded = SubmissionCompiler.Create(sources, "NeuralNet");
        var warned = graded.WithOptions(graded.Options.WithNullableContextOptions(NullableContextOptions.Enable));

        // With warnings on, the same file gets CS8600 (and CS8602): the analysis the grader leaves out.
        Assert.Contains(warned.GetDiagnostics(), d => d.Id == "CS8600");
        var diagnostics = graded.GetDiagnostics();
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("CS86", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    private static byte[] Emit(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return stream.ToArray();
    }
}
