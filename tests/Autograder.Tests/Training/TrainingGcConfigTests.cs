using System.Runtime.InteropServices;
using System.Text.Json;

namespace Autograder.Tests.Training;

/// <summary>
/// TrainingGc.props: `autograder` (which trains the course's experiments) runs on the segments GC with a 128 MB
/// large-object threshold and a 256 MB gen0 budget when the runtime ships the standalone GC; the sandboxed worker
/// keeps .NET's default GC.
/// </summary>
public sealed class TrainingGcConfigTests
{
    private static Dictionary<string, JsonElement> ConfigProperties(string program)
    {
        var path = Path.Combine(AppContext.BaseDirectory, program + ".runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing from the test output");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
            ? properties.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : [];
    }

    private static string StandaloneGcFile =>
        OperatingSystem.IsWindows() ? "clrgc.dll" : OperatingSystem.IsMacOS() ? "libclrgc.dylib" : "libclrgc.so";

    [Fact]
    public void Cli_TrainsWithTheSegmentsGcAndLargeGen0_WhenTheRuntimeShipsIt()
    {
        var properties = ConfigProperties("autograder");
        if (!File.Exists(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), StandaloneGcFile)))
        {
            Assert.False(properties.ContainsKey("System.GC.Name"), "the CLI names a GC this runtime does not ship");
            return;
        }

        Assert.Equal(StandaloneGcFile, properties["System.GC.Name"].GetString());
        Assert.Equal(134217728, properties["System.GC.LOHThreshold"].GetInt64());
        Assert.Equal(268435456, properties["System.GC.Gen0MaxBudget"].GetInt64());
    }

    [Fact]
    public void Cli_TrainsWithoutDynamicPgo()
    {
        // Dynamic PGO's instrumented tier kept the first epoch's element-wise loops slow (docs/performance.md).
        Assert.False(ConfigProperties("autograder")["System.Runtime.TieredPGO"].GetBoolean());
    }

    [Theory]
    [InlineData("autograder")]
    [InlineData("autograder-worker")]
    public void GradingPrograms_LeaveTierUpCallCountingAtItsDefault(string program)
    {
        // Counting calls toward optimised code at once sped up training but slowed a cold grade, which JIT-compiles
        // Roslyn (TrainingGc.props; the kit's tools/Run, which only trains, has it: ReleasedKitTests).
        Assert.False(ConfigProperties(program).ContainsKey("System.Runtime.TieredCompilation.CallCountingDelayMs"));
    }

    [Fact]
    public void Cli_RecompilesOnlyMethodsCalled4096Times_TheWorkerAndTrainingKeepTheDefault()
    {
        // Grading: Roslyn's precompiled methods recompiled at 30 calls cost the README's `examples` about 15 % of its
        // CPU. The worker (student code, the log re-run's training) and `autograder train` (TrainingProcessTests) keep 30.
        Assert.Equal(4096, ConfigProperties("autograder")["System.Runtime.TieredCompilation.CallCountThreshold"].GetInt32());
        Assert.False(ConfigProperties("autograder-worker").ContainsKey("System.Runtime.TieredCompilation.CallCountThreshold"));
    }

    [Fact]
    public void Worker_KeepsTheDefaultGc()
    {
        var properties = ConfigProperties("autograder-worker");
        Assert.False(properties.ContainsKey("System.GC.Name"));
        Assert.False(properties.ContainsKey("System.GC.Gen0MaxBudget"));
    }
}
