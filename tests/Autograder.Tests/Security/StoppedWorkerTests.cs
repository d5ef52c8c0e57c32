using System.Runtime.InteropServices;
using Autograder.Grader.Compilation;
using Autograder.Grader.Execution;
using Autograder.Grader.Results;
using Autograder.Worker.Protocol;

namespace Autograder.Tests.Security;

/// <summary>
/// A worker the submission took over can stop reading its requests and stay alive (it can SIGSTOP itself). A request
/// bigger than the pipe's buffer (a data set's chunk) then used to block the grader for ever; it must end as a timeout.
/// The test stops the worker from outside, as the worker would stop itself.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StoppedWorkerTests
{
    private const int SigStop = 19;

    private const int SigKill = 9;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [SkippableFact]
    public void BigRequest_ToAWorkerThatStoppedReading_IsATimeoutNotAHang()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "SIGSTOP and /proc are Linux's");
        using var dir = new Autograder.Tests.Data.TempDirectory();
        var lib = Directory.CreateDirectory(Path.Combine(dir.Path, "lib")).FullName;
        File.Copy(typeof(NeuralNet.Layers.Relu).Assembly.Location, Path.Combine(lib, "NeuralNet.dll"));
        File.Copy(typeof(NeuralNet.Tensor).Assembly.Location, Path.Combine(lib, "NeuralNet.Core.dll"));
        SubmissionCompiler.CopyDependencies(lib);
        var layout = WorkerLayout.Create(dir.Path, Path.Combine(lib, "NeuralNet.dll"));
        using var session = new WorkerSession(layout, new WorkerLimits(TimeSpan.FromSeconds(1)));
        Assert.True(session.Execute(new WorkerRequest(0, "ping")).Ok);

        var root = session.ProcessId ?? throw new InvalidOperationException("the worker is not running");
        foreach (var pid in Tree(root))
        {
            kill(pid, SigStop);
        }

        // 8 MB of raw bytes: far more than a pipe holds, so the write blocks until the worker reads.
        var big = new WorkerRequest(0, "ping", Args: [new BytesValue(new byte[8 << 20])]);
        var sent = Task.Run(() => Record.Exception(() => session.Execute(big)));
        if (Task.WaitAny([sent], TimeSpan.FromSeconds(60)) < 0)
        {
            // Unblock the grader's write before the session is disposed (it would wait on that write), then fail.
            foreach (var pid in Tree(root))
            {
                kill(pid, SigKill);
            }

            Assert.Fail("the grader still waited to write a request to a worker that stopped reading, after 60 s");
        }

        var failure = Assert.IsType<WorkerFailure>(sent.Result);
        Assert.Equal(CheckStatus.Timeout, failure.Status);
        Assert.Contains("stopped reading", failure.Message, StringComparison.Ordinal);
    }

    /// <summary><paramref name="root"/> and every process under it, from /proc.</summary>
    private static List<int> Tree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var pid))
            {
                try
                {
                    var stat = File.ReadAllText(Path.Combine(entry, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // Gone since the listing.
                }
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }
}
