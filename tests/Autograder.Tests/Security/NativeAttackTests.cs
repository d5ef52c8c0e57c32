using System.Net;
using System.Net.Sockets;
using Autograder.Grader.Batch;
using Autograder.Grader.Execution;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Tests.Security;

/// <summary>
/// The sandbox without the policy: a batch of two students, a victim (PassesAll) graded first and an
/// attacker whose ReLU runs native libc calls (<see cref="NativeAttacks"/>), graded with the policy walk off.
/// Every probe must be denied inside the worker, and nothing outside it may change: not the victim's
/// result, not a sentinel folder, not the host's processes, not a listening socket.
/// </summary>
[Trait("Category", "Slow")]
public sealed class NativeAttackTests : IClassFixture<NativeAttackTests.Batch>
{
    private readonly Batch _batch;
    private readonly Xunit.Abstractions.ITestOutputHelper _output;

    public NativeAttackTests(Batch batch, Xunit.Abstractions.ITestOutputHelper output)
    {
        _batch = batch;
        _output = output;
    }

    public static readonly string[] Probes =
    [
        "read-rubric", "read-reference", "read-other-submission", "read-shadow", "read-host-environ",
        "write-victim-result", "write-sentinel", "write-own-library", "write-root",
        "signal-host", "ptrace-host", "mount-tmpfs", "remount-root-rw", "umount-usr", "unshare-user", "unshare-mount",
        "chroot", "setuid-root", "fork", "network", "fill-tmp", "write-inherited-fd",
    ];

    [SkippableFact]
    public void EveryProbe_InsideTheSandbox_IsDenied()
    {
        Skip.IfNot(SandboxLauncher.FullSandboxAvailable, $"no full sandbox on this machine: {SandboxLauncher.Unavailable}");
        var report = _batch.Report();
        _output.WriteLine(report);

        Assert.All(Probes, probe => Assert.Matches($@"\b{probe}=denied\(\d+\)", report));
        Assert.DoesNotContain("=ok", report, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Attacker_ForgesNoPoints_AndEveryResultIsWrittenAndSealed()
    {
        Skip.IfNot(SandboxLauncher.FullSandboxAvailable, $"no full sandbox on this machine: {SandboxLauncher.Unavailable}");
        var victim = _batch.Run.Records.Single(r => r.Student == Batch.Victim);
        var attacker = _batch.Run.Records.Single(r => r.Student == Batch.Attacker);

        Assert.Equal(victim.Result!.MaxScore, victim.Result.Items.Where(i => !i.Bonus).Sum(i => i.Points));
        // The attack runs in Relu.Forward: the forward check earns nothing. Relu.Backward is PassesAll's, untouched; its check
        // calls Forward first, so it is graded again with the reference's forward (grade the part) and earns its half.
        var relu = attacker.Result!.Items.Single(i => i.Id == "3.1.2");
        Assert.Equal(2, relu.Points);
        Assert.NotEqual(Autograder.Grader.Results.CheckStatus.Passed, relu.Checks.Single(c => c.Name.StartsWith("forward", StringComparison.Ordinal)).Status);
        Assert.All(new[] { Batch.Victim, Batch.Attacker }, student =>
        {
            var record = StudentRecord.Load(_batch.Output, student);
            Assert.False(record.Unverified);
            Assert.NotNull(record.Result);
            Assert.Equal("full", record.Result!.Sandbox);
        });
    }

    [SkippableFact]
    public void HostSide_NothingChanged()
    {
        Skip.IfNot(SandboxLauncher.FullSandboxAvailable, $"no full sandbox on this machine: {SandboxLauncher.Unavailable}");

        Assert.Equal(_batch.VictimResultBefore, File.ReadAllText(Path.Combine(_batch.Output, Batch.Victim, StudentRecord.ResultsFile)));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_batch.Sentinel));
        Assert.False(File.Exists("/pwned.txt"));
        Assert.False(_batch.ConnectionSeen, "the attacker reached a socket listening on the host's loopback");
        Assert.False(_batch.InheritedPipeWritten, "the attacker wrote into a pipe the grader inherited from the process that started it");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_batch.WorkRoot));
    }

    /// <summary>Grades the victim, then the attacker, once for the class's tests.</summary>
    public sealed class Batch : IDisposable
    {
        public const string Victim = "a-victim";
        public const string Attacker = "b-attacker";

        private readonly string _scratch;

        /// <summary>
        /// The descriptor number of a pipe the test process holds open without close-on-exec, as a grader inherits one
        /// from whatever started it (a shell's <c>exec 3&gt;log</c>, a CI runner, make's jobserver).
        /// </summary>
        public const int InheritedFd = 700;

        public Batch()
        {
            _scratch = Directory.CreateTempSubdirectory("native-attack-").FullName;
            Sentinel = Directory.CreateDirectory(Path.Combine(_scratch, "sentinel")).FullName;
            Output = Path.Combine(_scratch, "out");
            WorkRoot = Directory.CreateDirectory(Path.Combine(_scratch, "work")).FullName;
            if (!SandboxLauncher.FullSandboxAvailable)
            {
                Run = new BatchRun(0, 0, 0, 0, 0, TimeSpan.Zero, []);
                VictimResultBefore = "";
                return;
            }

            var root = AdversarialSuite.Root;
            var submissions = Directory.CreateDirectory(Path.Combine(_scratch, "submissions")).FullName;
            var passesAll = Autograder.Tests.Grader.Golden.Goldens.Case(AdversarialSuite.Assignment, AdversarialSuite.Control);
            GeneratedSubmissions.Copy(passesAll, Path.Combine(submissions, Victim));
            var rubric = RubricLoader.Load(Path.Combine(root, "rubrics", $"{AdversarialSuite.Assignment}.rubric.yaml"));
            var template = new GradeRequest("", AdversarialSuite.Assignment, root) { Rubric = rubric, WorkRoot = WorkRoot, Seed = AdversarialSuite.Seed };
            BatchRunner.Run(new BatchOptions(submissions, Output, template) { Jobs = 1 });
            VictimResultBefore = File.ReadAllText(Path.Combine(Output, Victim, StudentRecord.ResultsFile));

            var pipe = new int[2];
            if (Libc.pipe(pipe) != 0 || Libc.dup2(pipe[1], InheritedFd) != InheritedFd || Libc.fcntl(pipe[0], 4, 0x800) != 0) // F_SETFL, O_NONBLOCK
            {
                throw new InvalidOperationException($"could not open the inherited pipe (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})");
            }

            Libc.close(pipe[1]);
            _inheritedRead = pipe[0];
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var targets = new NativeAttacks.Targets(
                Path.Combine(root, "rubrics", $"{AdversarialSuite.Assignment}.rubric.yaml"),
                Path.Combine(root, "reference", "NeuralNet", "Layers", "Relu.cs"),
                Path.Combine(submissions, Victim, "Layers", "Relu.cs"),
                Path.Combine(Output, Victim, StudentRecord.ResultsFile),
                Sentinel,
                Environment.ProcessId,
                ((IPEndPoint)listener.LocalEndpoint).Port,
                InheritedFd);
            var attacker = GeneratedSubmissions.Copy(passesAll, Path.Combine(submissions, Attacker));
            var relu = Path.Combine(attacker, "Layers", "Relu.cs");
            File.WriteAllText(relu, NativeAttacks.Relu(File.ReadAllText(relu), targets));
            Run = BatchRunner.Run(new BatchOptions(submissions, Output, template with { PolicyOff = true }) { Jobs = 1 });
            ConnectionSeen = listener.Pending();
            // Every writer but the test's own copy is gone with the workers: after closing it, a read gets what was written or the end.
            Libc.close(InheritedFd);
            InheritedPipeWritten = Libc.read(_inheritedRead, new byte[16], 16) > 0;
        }

        private readonly int _inheritedRead = -1;

        public bool InheritedPipeWritten { get; }

        public string Sentinel { get; }

        public string Output { get; }

        public string WorkRoot { get; }

        public BatchRun Run { get; }

        public string VictimResultBefore { get; }

        public bool ConnectionSeen { get; }

        /// <summary>The attack's report, as the forward check of ReLU carried it back.</summary>
        public string Report()
        {
            var attacker = Run.Records.Single(r => r.Student == Attacker).Result!;
            var messages = attacker.Items.SelectMany(i => i.Checks).Select(c => c.Outcome.Message).Concat(attacker.Items.SelectMany(i => i.Notes)).Concat(attacker.Messages);
            return messages.FirstOrDefault(m => m.Contains(NativeAttacks.Marker, StringComparison.Ordinal))
                ?? throw new Xunit.Sdk.XunitException("no attack report in the attacker's result:\n" + string.Join("\n", messages));
        }

        public void Dispose()
        {
            if (_inheritedRead >= 0)
            {
                Libc.close(_inheritedRead);
            }

            try
            {
                Directory.Delete(_scratch, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans the temp folder.
            }
        }
    }

    private static class Libc
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern int pipe(int[] fds);
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern int dup2(int from, int to);
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern int close(int fd);
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern long read(int fd, byte[] buffer, long count);
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] public static extern int fcntl(int fd, int command, int argument);
    }
}
