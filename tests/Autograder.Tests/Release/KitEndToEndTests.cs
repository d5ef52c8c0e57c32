using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Autograder.Tests.Release;

/// <summary>
/// Builds a synthetic kit and runs `dotnet test` in it, as a student would: as shipped the assigned
/// part fails and the provided part passes; with the regions filled from the reference every check
/// passes; the kit's score and pack commands work on the results. Slow (two kit builds).
/// </summary>
public sealed class KitEndToEndTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);
    private readonly SyntheticRepository repo = new();
    private readonly ITestOutputHelper log;

    public KitEndToEndTests(ITestOutputHelper log) => this.log = log;

    public void Dispose() => repo.Dispose();

    [Fact]
    public void DemoKit_AsShippedAndSolved_ScoresAndPacks()
    {
        var shipped = Path.Combine(repo.Root, "out", "shipped");
        repo.Release().Build("demo-kit").WriteTo(shipped);

        var (code, output) = DotnetProcess.Run(shipped, Timeout, null, "test", "--logger", "trx;LogFileName=public.trx", "--results-directory", "TestResults");
        log.WriteLine(output);

        Assert.True(code != 0, output);
        Assert.Contains("not implemented yet: TODO(demo.scale): return factor * x. Shape: x (N, D).", output, StringComparison.Ordinal);
        Assert.Contains("Public score: 1 / 3", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at NeuralNet.Demo", output, StringComparison.Ordinal);

        var summary = Path.Combine(repo.Root, "summary.md");
        var githubOutput = Path.Combine(repo.Root, "github_output");
        var env = new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary, ["GITHUB_OUTPUT"] = githubOutput };
        var (scoreCode, scoreOutput) = DotnetProcess.Run(shipped, Timeout, env, "run", "--project", "tools/Kit", "--", "score", "TestResults/public.trx");
        Assert.True(scoreCode == 0, scoreOutput);
        Assert.Contains("Public score: 1 / 3", scoreOutput, StringComparison.Ordinal);
        Assert.Contains("| 1.1 | `demo.scale` | 0 / 2 | not implemented yet: TODO(demo.scale)", File.ReadAllText(summary), StringComparison.Ordinal);
        var result = File.ReadAllText(githubOutput).Trim();
        Assert.StartsWith("result=", result, StringComparison.Ordinal);
        using var classroom = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(result["result=".Length..])));
        Assert.Equal("fail", classroom.RootElement.GetProperty("status").GetString());
        Assert.Equal(3, classroom.RootElement.GetProperty("max_score").GetDouble());
        Assert.Equal(1, classroom.RootElement.GetProperty("tests").EnumerateArray().Sum(t => t.GetProperty("score").GetDouble()));

        var (packCode, packOutput) = DotnetProcess.Run(shipped, Timeout, null, "run", "--no-build", "--project", "tools/Kit", "--", "pack");
        Assert.True(packCode == 0, packOutput);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(shipped, "demo-kit_submission.zip")))
        {
            Assert.Equal(["Demo/Scaler.cs"], zip.Entries.Select(e => e.FullName));
        }

        // The solved kit differs only in the library sources: write those over the shipped kit (faster rebuild).
        foreach (var (path, contents) in repo.Release().Build("demo-kit", solved: true).Files.Where(f => f.Key.StartsWith("NeuralNet/", StringComparison.Ordinal)))
        {
            File.WriteAllBytes(Path.Combine(shipped, path), contents);
        }

        var (solvedCode, solvedOutput) = DotnetProcess.Run(shipped, Timeout, null, "test");
        log.WriteLine(solvedOutput);
        Assert.True(solvedCode == 0, solvedOutput);
        Assert.Contains("Public score: 3 / 3", solvedOutput, StringComparison.Ordinal);
    }
}
