using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Autograder.Grader.Execution;

/// <summary>
/// Builds the command line that starts a worker: under bubblewrap when it is installed and works
/// (read-only root, private /tmp and work dir, no network, own PID namespace, dies with the host,
/// the course, the grader and the submissions folder hidden) plus rlimits via prlimit; otherwise a plain
/// child process, reported as <c>sandbox: reduced</c>.
/// </summary>
internal static class SandboxLauncher
{
    private static readonly Lazy<string?> Bwrap = new(ProbeBwrap);
    private static readonly Lazy<string?> Prlimit = new(() => FindOnPath("prlimit"));

    /// <summary>True when workers will run under bubblewrap on this machine (unless disabled by AUTOGRADER_SANDBOX=none).</summary>
    public static bool FullSandboxAvailable =>
        Environment.GetEnvironmentVariable("AUTOGRADER_SANDBOX") != "none" && Bwrap.Value is not null;

    public static ProcessStartInfo Build(WorkerLayout layout, WorkerLimits limits, IReadOnlyList<string> hiddenDirectories)
    {
        var dotnet = DotnetHost();
        var inner = new List<string>();
        if (Prlimit.Value is { } prlimit)
        {
            inner.AddRange([
                prlimit,
                $"--as={limits.AddressSpaceBytes}",
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
            fileName = Bwrap.Value!;
            args.AddRange(["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]);
            // A folder holding the dotnet host itself cannot be hidden (e.g. a class folder in a home with ~/.dotnet).
            var dotnetDir = Path.GetDirectoryName(Path.GetFullPath(dotnet))! + Path.DirectorySeparatorChar;
            foreach (var hidden in hiddenDirectories.Where(Directory.Exists).Distinct()
                .Where(h => !dotnetDir.StartsWith(Path.TrimEndingDirectorySeparator(h) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && h != "/"))
            {
                args.AddRange(["--tmpfs", hidden]);
            }

            args.AddRange([
                "--ro-bind", layout.WorkerDirectory, layout.WorkerDirectory,
                "--ro-bind", layout.LibraryDirectory, layout.LibraryDirectory,
                "--bind", layout.ScratchDirectory, layout.ScratchDirectory,
                "--chdir", layout.ScratchDirectory,
                "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                "--die-with-parent", "--new-session",
                "--",
            ]);
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
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_GCHeapHardLimit"] = limits.HeapLimitBytes.ToString("X", CultureInfo.InvariantCulture);
        info.Environment["DOTNET_TieredPGO"] = "0";
        return info;
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var fromRuntime = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        return File.Exists(fromRuntime) ? fromRuntime : FindOnPath("dotnet") ?? "dotnet";
    }

    private static string? ProbeBwrap()
    {
        if (!OperatingSystem.IsLinux() || FindOnPath("bwrap") is not { } bwrap)
        {
            return null;
        }

        try
        {
            var probe = new ProcessStartInfo(bwrap) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--unshare-net", "--unshare-pid", "--die-with-parent", "--", "/bin/true" })
            {
                probe.ArgumentList.Add(a);
            }

            using var process = Process.Start(probe)!;
            return process.WaitForExit(10_000) && process.ExitCode == 0 ? bwrap : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
