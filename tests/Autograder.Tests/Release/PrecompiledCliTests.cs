using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using Autograder.Grader.Execution;
using Autograder.Tests.Grader.Golden;
using Autograder.Tests.Security;

namespace Autograder.Tests.Release;

/// <summary>
/// The README's commands run the CLI from a Release build: it carries precompiled (ReadyToRun) code for the building
/// machine, so a cold `autograder grade` does not JIT-compile Roslyn and the grader from IL (Autograder.Cli.csproj).
/// Built in the repository as a user builds it, then used to grade a full submission.
/// </summary>
[Collection(InRepositoryBuilds.Name)]
public sealed class PrecompiledCliTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void ReleaseBuild_IsPrecompiled_ButNeuralNetCoreStaysTheKitsIl_AndItGradesAFullSubmission()
    {
        var repository = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
        var (code, output) = DotnetProcess.Run(repository, TimeSpan.FromMinutes(10), null, "build", "grader/Autograder.Cli", "-c", "Release", "--nologo");
        Assert.True(code == 0, $"dotnet build -c Release failed ({code}):\n{output}");

        var bin = Path.Combine(repository, "grader", "Autograder.Cli", "bin", "Release", "net10.0");
        Assert.All(new[] { "autograder.dll", "Autograder.Grader.dll", "autograder-worker.dll", "NeuralNet.dll", "Microsoft.CodeAnalysis.dll", "Microsoft.CodeAnalysis.CSharp.dll" },
            name => Assert.True(IsReadyToRun(Path.Combine(bin, name)), $"{name} in {bin} has no ReadyToRun code"));
        // Kits ship the grader's own NeuralNet.Core byte for byte (KitCore): it stays the compiler's IL.
        var core = Path.Combine(bin, "NeuralNet.Core.dll");
        Assert.False(IsReadyToRun(core), "NeuralNet.Core.dll was precompiled");
        Assert.Equal(File.ReadAllBytes(Path.Combine(repository, "reference", "NeuralNet.Core", "bin", "Release", "net10.0", "NeuralNet.Core.dll")), File.ReadAllBytes(core));

        var work = Directory.CreateTempSubdirectory("precompiled-cli-").FullName;
        try
        {
            var submission = GeneratedSubmissions.Copy(Goldens.Case("hw6-dnn-cnn", "PassesAll"), Path.Combine(work, "PassesAll"));
            var args = new List<string> { Path.Combine(bin, "autograder.dll"), "grade", submission, "--assignment", "hw6-dnn-cnn", "--out", Path.Combine(work, "report") };
            if (!SandboxLauncher.FullSandboxAvailable)
            {
                args.Add("--no-sandbox");   // the repository's own golden: trusted code
            }

            var (gradeCode, gradeOutput) = DotnetProcess.Run(repository, TimeSpan.FromMinutes(5), null, [.. args]);
            Assert.True(gradeCode == 0, $"autograder grade exited {gradeCode}:\n{gradeOutput}");
            var result = JsonNode.Parse(File.ReadAllText(Path.Combine(work, "PassesAll.result.json")))!;
            Assert.Null((string?)result["grader_error"]);
            Assert.Equal(50.0, (double)result["score"]!);
            Assert.Equal(50.0, (double)result["max_score"]!);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    internal static bool IsReadyToRun(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }
}

/// <summary>Tests that build or publish the repository's own projects in place: one at a time, since they share obj/ and bin/.</summary>
[CollectionDefinition(Name)]
public sealed class InRepositoryBuilds
{
    public const string Name = "in-repository builds";
}
