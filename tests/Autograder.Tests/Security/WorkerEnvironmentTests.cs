using Autograder.Grader.Execution;

namespace Autograder.Tests.Security;

/// <summary>The worker's environment is built from nothing: only the variables the launcher sets reach student code.</summary>
public sealed class WorkerEnvironmentTests
{
    [Fact]
    public void Build_SetsTheHeapLimitAndTheTrainingGcSettings_AndNothingFromTheHost()
    {
        var work = Directory.CreateTempSubdirectory("autograder-env-").FullName;
        Environment.SetEnvironmentVariable("AUTOGRADER_TEST_SECRET", "leaked");
        try
        {
            var worker = Directory.CreateDirectory(Path.Combine(work, "worker")).FullName;
            var layout = new WorkerLayout(worker, worker, worker, Path.Combine(worker, "NeuralNet.dll"));
            var info = SandboxLauncher.Build(layout, WorkerLimits.Default);

            Assert.Equal((1L << 30).ToString("X"), info.Environment["DOTNET_GCHeapHardLimit"]);
            // Objects up to 16 MB in gen0 (A1's 784 x 128 weight tensors, recycled in place instead of faulting in
            // fresh large-object pages every step), a 32 MB gen0 budget, freed memory kept committed.
            Assert.Equal("1000000", info.Environment["DOTNET_GCLOHThreshold"]);
            Assert.Equal("2000000", info.Environment["DOTNET_GCgen0size"]);
            Assert.Equal("1", info.Environment["DOTNET_GCRetainVM"]);
            // Methods are recompiled optimised after 4,096 calls, not 30 (hexadecimal 1000): a worker lives for one submission.
            Assert.Equal("1000", info.Environment["DOTNET_TC_CallCountThreshold"]);
            Assert.Equal("0", info.Environment["DOTNET_TieredPGO"]);
            Assert.False(info.Environment.ContainsKey("AUTOGRADER_TEST_SECRET"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AUTOGRADER_TEST_SECRET", null);
            Directory.Delete(work, recursive: true);
        }
    }
}
