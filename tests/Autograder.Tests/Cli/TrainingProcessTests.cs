using System.Diagnostics;
using Autograder.Cli;
using Autograder.Grader.Execution;

namespace Autograder.Tests.Cli;

/// <summary>
/// <c>autograder train</c> trains in a child process whose runtime counts calls toward optimised code from the start
/// (issue 19: the seed's HW3 run trained 0.13 s per epoch in <c>autograder</c>'s own runtime against 0.084 s in a
/// kit's). Run as a user runs it: <c>dotnet autograder.dll train ...</c>, the build beside these tests.
/// </summary>
public sealed class TrainingProcessTests : IDisposable
{
    private static readonly string Root = CourseRootFinder.TryFind(AppContext.BaseDirectory)!;
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "autograder.dll");
    private static readonly string Hw3Run = Path.Combine(Root, "reference", "experiments", "hw3-fashion-mlp", "mlp_lr0.01_b5.yaml");
    private readonly string _dir = Directory.CreateTempSubdirectory("train-process-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Train_RunsInAChildWithCallCountingFromTheStart_AndEndsItWhenTerminated()
    {
        Assert.True(OperatingSystem.IsLinux(), "reads the child's environment from Linux's /proc");
        using var parent = Start("train", Hw3Run, "--epochs", "500", "--out", _dir);
        try
        {
            // The child prints the run's first lines; by then it is the parent's only child process.
            await WaitForLine(parent, "Check the gradient", TimeSpan.FromMinutes(2));
            var child = Children(parent.Id).Single();
            var environment = File.ReadAllText($"/proc/{child}/environ").Split('\0');
            var commandLine = File.ReadAllText($"/proc/{child}/cmdline").Split('\0');
            Assert.Contains($"{TrainingProcess.CallCountingDelay}=0", environment);
            // The grader's own threshold (4,096 calls, its runtimeconfig) would leave training's hot methods unoptimised.
            Assert.Contains($"{TrainingProcess.CallCountThreshold}=30", environment);
            Assert.Contains("train", commandLine);
            Assert.Contains(Hw3Run, commandLine);

            // A termination request to the parent (a course's CI cancelling a job) ends the training too.
            Process.Start("kill", ["-TERM", parent.Id.ToString()]).WaitForExit();
            Assert.True(parent.WaitForExit(TimeSpan.FromSeconds(30)), "autograder train did not end after SIGTERM");
            Assert.Equal(143, parent.ExitCode); // 128 + SIGTERM, as a shell reports a command that a signal ended
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (IsRunning(child) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }

            Assert.False(IsRunning(child), $"the training child {child} outlived its parent");
        }
        finally
        {
            if (!parent.HasExited)
            {
                parent.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task Train_WithOnlyTheDelaySetByHand_StillTrainsInAChildWithTheTrainingThreshold()
    {
        Assert.True(OperatingSystem.IsLinux(), "reads the child's environment from Linux's /proc");
        using var parent = Start(["train", Hw3Run, "--epochs", "500", "--out", _dir], (TrainingProcess.CallCountingDelay, "0"));
        try
        {
            await WaitForLine(parent, "Check the gradient", TimeSpan.FromMinutes(2));
            var child = Children(parent.Id).Single();
            Assert.Contains($"{TrainingProcess.CallCountThreshold}=30", File.ReadAllText($"/proc/{child}/environ").Split('\0'));
        }
        finally
        {
            parent.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task Train_ExitCodeAndMessage_AreTheChilds_Once()
    {
        var missing = Path.Combine(_dir, "no-such.yaml");
        using var process = Start("train", missing, "--out", _dir);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, process.ExitCode);
        var message = $"train: {missing}: no such experiment file";
        Assert.Equal(1, CountOf(await error + await output, message));
    }

    [Fact]
    public void ShouldRestart_OnlyTheAutograderProgramsOwnTrainCommand()
    {
        // These tests call the CLI's entry point in-process (HandoutFlagsTests): the test host is not restarted.
        Assert.False(TrainingProcess.ShouldRestart(["train", Hw3Run]));
        Assert.False(TrainingProcess.ShouldRestart(["grade", _dir]));
        Assert.False(TrainingProcess.ShouldRestart([]));
    }

    private static Process Start(params string[] args) => Start(args, []);

    private static Process Start(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove(TrainingProcess.CallCountingDelay);
        start.Environment.Remove(TrainingProcess.CallCountThreshold);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task WaitForLine(Process process, string text, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"autograder train ended without a line with '{text}'; stderr: {await process.StandardError.ReadToEndAsync(cancel.Token)}");
    }

    private static List<int> Children(int pid) =>
        [.. Directory.GetDirectories($"/proc/{pid}/task")
            .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse)];

    // Neither gone nor a zombie waiting to be reaped.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return !stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
