using System.Runtime.InteropServices;

namespace Autograder.Grader.Execution;

/// <summary>
/// Descriptors the grader inherited from whatever started it (a shell's <c>exec 3&gt;grading.log</c>, a CI runner's
/// pipes, make's jobserver) are open without close-on-exec, and neither the runtime's process start nor bubblewrap
/// closes them, so every worker would inherit them: a submission could write into the grader's log, or into a pipe of
/// the job that runs it. The runtime opens its own descriptors close-on-exec; this marks the inherited ones so too,
/// right before a worker starts.
/// </summary>
internal static class InheritedDescriptors
{
    private const int GetFlags = 1; // F_GETFD
    private const int SetFlags = 2; // F_SETFD
    private const int CloseOnExecFlag = 1; // FD_CLOEXEC

    /// <summary>Marks every open descriptor above 2 of this process close-on-exec (Linux; elsewhere nothing).</summary>
    /// <returns>how many descriptors were changed</returns>
    public static int CloseOnExec()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var changed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (!int.TryParse(Path.GetFileName(entry), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fd) || fd <= 2)
            {
                continue;
            }

            // A descriptor closed since the listing (the listing's own among them) fails with EBADF and is skipped.
            var flags = Fcntl(fd, GetFlags, 0);
            if (flags >= 0 && (flags & CloseOnExecFlag) == 0 && Fcntl(fd, SetFlags, flags | CloseOnExecFlag) == 0)
            {
                changed++;
            }
        }

        return changed;
    }

    // DllImport, not LibraryImport: the source-generated form needs unsafe code in this project, and an int-only call
    // needs no marshalling either way.
    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command, int argument);
}
