using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Autograder.Grader.Execution;

/// <summary>
/// Builds the command line that starts a worker. With bubblewrap (the full sandbox, see docs/security.md):
/// a new user namespace as uid/gid 65534 with every capability dropped and no further user namespaces, every
/// other namespace new (no network, own PID space), the seccomp filter of <see cref="SeccompFilter"/>, a
/// root that holds only the system's <c>/usr</c> (and its <c>/lib</c> links), the .NET runtime, the worker's
/// three files and the student build, all read-only, plus two size-capped tmpfs (<c>/tmp</c> and the
/// worker's scratch folder), a new session, death with the host; inside it, prlimit's rlimits. Nothing of
/// the course, the batch or other submissions is mounted. Without bubblewrap: a plain child process with
/// the rlimits only, reported as <c>sandbox: none</c>; <see cref="Pipeline.GradingPipeline"/> refuses to
/// run an untrusted submission that way unless told to.
/// </summary>
public static class SandboxLauncher
{
    /// <summary>The uid and gid the worker runs as inside its user namespace (nobody / nogroup).</summary>
    public const int SandboxId = 65534;

    /// <summary>Size of each writable tmpfs inside the sandbox (<c>/tmp</c> and the scratch folder).</summary>
    public const long TmpfsBytes = 64L << 20;

    private static readonly Lazy<(string? Path, bool DisableUserns)> Probe = new(ProbeBwrap);
    private static readonly Lazy<string?> Bwrap = new(() => Probe.Value.Path);
    private static readonly Lazy<string?> Prlimit = new(() => FindOnPath("prlimit"));

    /// <summary>Why the full sandbox is unavailable on this machine, or null when it is available.</summary>
    public static string? Unavailable =>
        Environment.GetEnvironmentVariable("AUTOGRADER_SANDBOX") == "none" ? "AUTOGRADER_SANDBOX=none is set"
        : !OperatingSystem.IsLinux() ? $"bubblewrap runs only on Linux (this is {RuntimeInformation.OSDescription})"
        : !SeccompFilter.Supported ? $"no seccomp table for {RuntimeInformation.ProcessArchitecture}"
        : FindOnPath("bwrap") is null ? "bubblewrap is not installed (apt-get install bubblewrap)"
        : Bwrap.Value is null ? "bubblewrap is installed but cannot create an unprivileged user namespace here (check kernel.unprivileged_userns_clone / user.max_user_namespaces)"
        : null;

    /// <summary>True when workers will run under bubblewrap on this machine (unless disabled by AUTOGRADER_SANDBOX=none).</summary>
    public static bool FullSandboxAvailable => Unavailable is null;

    /// <summary>The name a result carries for the sandbox its worker ran in: <c>full</c> or <c>none</c>.</summary>
    public static string Name => FullSandboxAvailable ? "full" : "none";

    internal static ProcessStartInfo Build(WorkerLayout layout, WorkerLimits limits)
    {
        var dotnet = DotnetHost();
        var inner = new List<string>();
        if (Prlimit.Value is { } prlimit)
        {
            inner.AddRange([
                prlimit,
                $"--as={limits.AddressSpaceLimit}",
                $"--fsize={limits.FileSizeBytes}",
                $"--nproc={limits.Processes}",
                "--core=0",
                "--",
            ]);
        }

        inner.AddRange([dotnet, layout.WorkerDll]);

        var args = new List<string>();
        string fileName;
        if (FullSandboxAvailable)
        {
            File.WriteAllBytes(layout.SeccompPath, SeccompFilter.Build());
            // bwrap reads the filter from an open descriptor: sh opens it as fd 3, then becomes bwrap.
            fileName = "/bin/sh";
            args.AddRange(["-c", "exec 3<\"$0\" && exec \"$@\"", layout.SeccompPath, Bwrap.Value!]);
            args.AddRange(BwrapArguments(layout, Path.GetDirectoryName(Path.GetFullPath(dotnet))!, seccompFd: 3));
            args.Add("--");
            args.AddRange(inner);
        }
        else
        {
            fileName = inner[0];
            args.AddRange(inner.Skip(1));
        }

        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = layout.ScratchDirectory,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        info.Environment["HOME"] = layout.ScratchDirectory;
        info.Environment["TMPDIR"] = layout.ScratchDirectory;
        info.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet)!;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_GCHeapHardLimit"] = limits.HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        foreach (var (name, value) in WorkerGcSettings)
        {
            info.Environment[name] = value;
        }

        info.Environment["DOTNET_TieredPGO"] = "0";
        info.Environment["DOTNET_TC_CallCountThreshold"] = WorkerCallCountThreshold.ToString("X", CultureInfo.InvariantCulture);
        return info;
    }

    /// <summary>
    /// Calls after which the worker recompiles a method optimised (the runtime's default is 30), as the grader's own
    /// process does (Autograder.Cli.csproj). A worker lives for one submission: most of what it recompiled at 30 calls
    /// (the protocol, the argument binder, reflection) never paid the compile back, while a loop that runs long is
    /// optimised on the stack (OSR) whatever the threshold. A 40-submission HW3 batch, alternated (2026-12-08
    /// 00:38-00:56): 58.5, 60.5 s with 4,096 and 54.5-63.6 s with 65,535 against 60.0-71.6 s with the default; A1's
    /// grade (training in the worker) 7.43-7.49 s against 7.48-7.60 s (65,535: 7.46-8.06 s). docs/performance.md,
    /// "Batch-grading a class".
    /// </summary>
    internal const int WorkerCallCountThreshold = 4096;

    /// <summary>
    /// The worker's garbage collector settings (hexadecimal, as the runtime reads DOTNET_ variables): objects up to
    /// 16 MB stay out of the large-object heap, gen0 gets at least a 32 MB budget, and freed memory stays committed.
    /// </summary>
    /// <remarks>
    /// A training step allocates tensors over the default 85 KB large-object threshold (A1's 784 x 128 weights, their
    /// gradients and the L2 terms, about 2.5 MB a step). Those went to the large-object heap, collected only with gen2,
    /// so between gen2 collections every step took fresh memory: 637 page faults a step, 8-9 ms against 0.45 ms on
    /// the 2-core VM, for about 55 of every 200 steps of A1's accuracy check. In gen0 they are recycled in place.
    /// The worker's summed request time in a reference A1 grade (a scratch worker that logged it, one run each): 8.45 s
    /// with the defaults, 3.44 and 3.63 s with these (docs/performance.md, "Grading a training run"). The segments GC the trainer uses (libclrgc) was as fast but
    /// needs an address-space limit of 8 GB or more to start under the 1 GB heap limit.
    /// </remarks>
    internal static readonly (string Name, string Value)[] WorkerGcSettings =
    [
        ("DOTNET_GCLOHThreshold", (16 << 20).ToString("X", CultureInfo.InvariantCulture)),
        ("DOTNET_GCgen0size", (32 << 20).ToString("X", CultureInfo.InvariantCulture)),
        ("DOTNET_GCRetainVM", "1"),
    ];

    /// <summary>The bubblewrap options (without the command) for a worker laid out as <paramref name="layout"/>.</summary>
    internal static List<string> BwrapArguments(WorkerLayout layout, string dotnetRoot, int seccompFd) =>
        BwrapArguments(layout, dotnetRoot, seccompFd, Probe.Value.DisableUserns);

    // disableUserns: pass --disable-userns (bubblewrap 0.8 and later; the seccomp filter blocks new user
    // namespaces either way, this is a second lock).
    private static List<string> BwrapArguments(WorkerLayout layout, string dotnetRoot, int seccompFd, bool disableUserns)
    {
        var args = new List<string>
        {
            "--unshare-all", "--unshare-user",
            "--uid", SandboxId.ToString(CultureInfo.InvariantCulture), "--gid", SandboxId.ToString(CultureInfo.InvariantCulture),
            "--cap-drop", "ALL", "--hostname", "sandbox",
            "--die-with-parent", "--new-session",
            "--seccomp", seccompFd.ToString(CultureInfo.InvariantCulture),
        };
        if (disableUserns)
        {
            args.Add("--disable-userns");
        }

        args.AddRange(SystemBinds());
        args.AddRange(["--dev", "/dev", "--proc", "/proc"]);
        if (!IsUnder(dotnetRoot, "/usr"))
        {
            args.AddRange(["--ro-bind", dotnetRoot, dotnetRoot]);
        }

        args.AddRange([
            "--size", TmpfsBytes.ToString(CultureInfo.InvariantCulture), "--tmpfs", "/tmp",
            "--size", TmpfsBytes.ToString(CultureInfo.InvariantCulture), "--tmpfs", layout.ScratchDirectory,
            "--ro-bind", layout.WorkerDirectory, layout.WorkerDirectory,
            "--ro-bind", layout.LibraryDirectory, layout.LibraryDirectory,
            "--remount-ro", "/",
            "--chdir", layout.ScratchDirectory,
        ]);
        return args;
    }

    /// <summary>
    /// <c>/usr</c> read-only, and the top-level folders a merged-/usr system links into it (<c>/bin</c>,
    /// <c>/lib</c>, <c>/lib64</c>, ...) as the same links, or read-only binds where they are real folders;
    /// the dynamic linker's cache, so the runtime finds its libraries. Nothing else of <c>/etc</c>.
    /// </summary>
    private static IEnumerable<string> SystemBinds()
    {
        yield return "--ro-bind";
        yield return "/usr";
        yield return "/usr";
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" })
        {
            var info = new DirectoryInfo(top);
            if (info.LinkTarget is { } target)
            {
                yield return "--symlink";
                yield return target;
                yield return top;
            }
            else if (info.Exists)
            {
                yield return "--ro-bind";
                yield return top;
                yield return top;
            }
        }

        foreach (var file in new[] { "/etc/ld.so.cache", "/etc/ld.so.conf" })
        {
            yield return "--ro-bind-try";
            yield return file;
            yield return file;
        }

        yield return "--ro-bind-try";
        yield return "/etc/ld.so.conf.d";
        yield return "/etc/ld.so.conf.d";
    }

    private static bool IsUnder(string path, string folder) =>
        (Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + "/").StartsWith(folder + "/", StringComparison.Ordinal);

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var fromRuntime = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(fromRuntime) ? fromRuntime : FindOnPath("dotnet") ?? "dotnet";
    }

    /// <summary>
    /// bwrap's path when it can start a process with exactly the options workers get (on a throw-away layout),
    /// and whether it knows <c>--disable-userns</c> (bubblewrap before 0.8, e.g. Ubuntu 22.04's 0.6, does not).
    /// </summary>
    private static (string? Path, bool DisableUserns) ProbeBwrap()
    {
        if (!OperatingSystem.IsLinux() || !SeccompFilter.Supported || FindOnPath("bwrap") is not { } bwrap)
        {
            return (null, false);
        }

        return TryBwrap(bwrap, disableUserns: true) ? (bwrap, true)
            : TryBwrap(bwrap, disableUserns: false) ? (bwrap, false)
            : (null, false);
    }

    private static bool TryBwrap(string bwrap, bool disableUserns)
    {

        var root = Directory.CreateTempSubdirectory("autograder-probe-").FullName;
        try
        {
            var layout = new WorkerLayout(
                Directory.CreateDirectory(Path.Combine(root, "worker")).FullName,
                Directory.CreateDirectory(Path.Combine(root, "lib")).FullName,
                Directory.CreateDirectory(Path.Combine(root, "scratch")).FullName,
                Path.Combine(root, "lib", "probe.dll"));
            File.WriteAllBytes(layout.SeccompPath, SeccompFilter.Build());
            var probe = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            probe.ArgumentList.Add("-c");
            probe.ArgumentList.Add("exec 3<\"$0\" && exec \"$@\"");
            probe.ArgumentList.Add(layout.SeccompPath);
            probe.ArgumentList.Add(bwrap);
            foreach (var a in BwrapArguments(layout, Path.GetDirectoryName(Path.GetFullPath(DotnetHost()))!, 3, disableUserns).Append("--").Append("/usr/bin/id").Append("-u"))
            {
                probe.ArgumentList.Add(a);
            }

            using var process = Process.Start(probe)!;
            var output = process.StandardOutput.ReadToEnd();
            return process.WaitForExit(10_000) && process.ExitCode == 0 && output.Trim() == SandboxId.ToString(CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
