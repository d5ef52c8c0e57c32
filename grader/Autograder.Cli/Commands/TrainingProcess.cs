using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Autograder.Cli;

/// <summary>
/// Runs <c>autograder train</c> in a child process whose runtime counts calls toward optimised code from the start,
/// as a kit's tools/Run does (TrainingGc.props), and recompiles a method optimised after the runtime's default 30
/// calls. <c>autograder</c> itself keeps the default delay (start counting once no method was compiled for 100 ms),
/// because its cold grades compile with Roslyn in-process and counting at once made them slower, and raises the
/// threshold to 4,096 calls (Autograder.Cli.csproj), because recompiling Roslyn's warm methods cost its grades CPU
/// time. Both settings are read once, when a runtime starts, so a training run needs a runtime of its own. With the
/// delay, a training run's hot methods stayed in unoptimised code for much of the run: HW3's <c>MLP_lr0.01_b5</c>
/// trained about 0.13 s per epoch against 0.084 s; with the grader's threshold HW3's CNN trained 10-15 % slower
/// (docs/performance.md).
/// </summary>
internal static class TrainingProcess
{
    /// <summary>The runtime setting (environment form) the child gets.</summary>
    internal const string CallCountingDelay = "DOTNET_TC_CallCountingDelayMs";

    /// <summary>The call count after which the child recompiles a method optimised (environment form; it overrides the
    /// grader's runtimeconfig value).</summary>
    internal const string CallCountThreshold = "DOTNET_TC_CallCountThreshold";

    /// <summary>The runtime's default threshold, which training gets back.</summary>
    internal const string TrainingCallCountThreshold = "30";

    /// <summary>
    /// Whether this process should hand <paramref name="args"/> to a child: a <c>train</c> command of the
    /// <c>autograder</c> program itself (not a test calling its entry point), whose runtime does not yet have both of
    /// training's settings (the child has them, so it never restarts again; a user who set only one of them by hand
    /// still trains with both).
    /// </summary>
    /// <param name="args">the command line</param>
    /// <returns>true to restart</returns>
    public static bool ShouldRestart(string[] args) =>
        args.Length > 0 && args[0] == "train"
        && (Environment.GetEnvironmentVariable(CallCountingDelay) != "0"
            || Environment.GetEnvironmentVariable(CallCountThreshold) != TrainingCallCountThreshold)
        && Assembly.GetEntryAssembly()?.GetName().Name == "autograder"
        && Environment.ProcessPath is not null;

    /// <summary>
    /// Runs the same command line in a child with <see cref="CallCountingDelay"/> 0 and <see cref="CallCountThreshold"/>
    /// 30, on this console, and waits for it.
    /// </summary>
    /// <param name="args">the command line</param>
    /// <param name="exitCode">the child's exit code</param>
    /// <returns>false when no child could be started (the command then runs in this process)</returns>
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        var start = new ProcessStartInfo { FileName = Environment.ProcessPath!, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // `dotnet autograder.dll train ...`: the host needs the program's path again.
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[CallCountingDelay] = "0";
        start.Environment[CallCountThreshold] = TrainingCallCountThreshold;
        Process? child;
        try
        {
            child = Process.Start(start);
        }
        catch (Win32Exception)
        {
            return false;
        }

        if (child is null)
        {
            return false;
        }

        using (child)
        {
            // Ctrl+C or a termination request ends the child (the training command has no partial result to save) and
            // then this process, with the shell's code for that signal (130, 143).
            int? endedBy = null;
            void End(PosixSignalContext context)
            {
                context.Cancel = true;
                endedBy = context.Signal == PosixSignal.SIGINT ? 2 : 15;
                EndChild(child);
            }

            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, End);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, End);
            child.WaitForExit();
            exitCode = endedBy is { } signal ? 128 + signal : child.ExitCode;
            return true;
        }
    }

    private static void EndChild(Process child)
    {
        try
        {
            child.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already ended.
        }
    }
}
