namespace Autograder.Tests.Security;

/// <summary>
/// What a compromised worker would do, written as a submission: native calls into libc through
/// <c>DllImport</c> (no <c>unsafe</c> needed), run from ReLU's forward pass. Each probe records its outcome as
/// <c>name=ok</c> (the call did what the attacker wanted) or <c>name=denied(errno)</c>; the forward pass then
/// throws the report, so the grader's feedback carries it back to the test. The policy walk would refuse
/// all of this; <see cref="NativeAttackTests"/> grades it with the walk off, so only the sandbox stands.
/// </summary>
internal static class NativeAttacks
{
    /// <summary>The report's first word, so a test can find it in a check's message.</summary>
    public const string Marker = "ATTACK-REPORT";

    /// <summary>The paths and numbers the attacks aim at, fixed when the submission is written.</summary>
    public sealed record Targets(string Rubric, string Reference, string OtherSubmission, string VictimResult, string Sentinel, int HostPid, int Port, int InheritedFd);

    /// <summary>ReLU's file with the attack run at the start of Forward.</summary>
    public static string Relu(string passesAllRelu, Targets t)
    {
        const string anchor = "ArgumentNullException.ThrowIfNull(x);";
        var at = passesAllRelu.IndexOf(anchor, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("Relu.cs has no ThrowIfNull line to hook the attack onto");
        }

        var hooked = passesAllRelu[..at] + "NativeAttack.Run();\n        " + passesAllRelu[at..];
        return hooked + Source
            .Replace("@RUBRIC@", t.Rubric, StringComparison.Ordinal)
            .Replace("@REFERENCE@", t.Reference, StringComparison.Ordinal)
            .Replace("@OTHER@", t.OtherSubmission, StringComparison.Ordinal)
            .Replace("@VICTIM@", t.VictimResult, StringComparison.Ordinal)
            .Replace("@SENTINEL@", t.Sentinel, StringComparison.Ordinal)
            .Replace("@HOSTPID@", t.HostPid.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@PORT@", t.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@INHERITEDFD@", t.InheritedFd.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private const string Source = """

        internal static class NativeAttack
        {
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int open(string path, int flags, int mode);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern long read(int fd, byte[] buffer, long count);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern long write(int fd, byte[] buffer, long count);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int close(int fd);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int kill(int pid, int signal);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern long ptrace(long request, int pid, System.IntPtr address, System.IntPtr data);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int mount(string source, string target, string type, ulong flags, string? data);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int umount2(string target, int flags);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int unshare(int flags);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int fork();
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int setuid(int uid);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int chroot(string path);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int socket(int domain, int type, int protocol);
            [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)] private static extern int connect(int fd, byte[] address, int length);

            private static readonly System.Text.StringBuilder Report = new();

            public static void Run()
            {
                Report.Clear();
                Report.Append("ATTACK-REPORT");
                Probe("read-rubric", ReadFile("@RUBRIC@"));
                Probe("read-reference", ReadFile("@REFERENCE@"));
                Probe("read-other-submission", ReadFile("@OTHER@"));
                Probe("read-shadow", ReadFile("/etc/shadow"));
                Probe("read-host-environ", ReadFile("/proc/@HOSTPID@/environ"));
                Probe("write-victim-result", WriteFile("@VICTIM@", "{\"score\": 0}"));
                Probe("write-sentinel", WriteFile("@SENTINEL@/pwned.txt", "pwned"));
                Probe("write-own-library", WriteFile(System.IO.Path.Combine(System.AppContext.BaseDirectory, "autograder-worker.dll"), "MZ"));
                Probe("write-root", WriteFile("/pwned.txt", "pwned"));
                Probe("signal-host", kill(@HOSTPID@, 0) == 0);
                Probe("ptrace-host", ptrace(16, @HOSTPID@, System.IntPtr.Zero, System.IntPtr.Zero) == 0);
                Probe("mount-tmpfs", mount("none", "/usr", "tmpfs", 0, null) == 0);
                Probe("remount-root-rw", mount("none", "/", null!, 0x20, null) == 0); // MS_REMOUNT without MS_RDONLY
                Probe("umount-usr", umount2("/usr", 2) == 0);
                Probe("unshare-user", unshare(0x10000000) == 0);
                Probe("unshare-mount", unshare(0x00020000) == 0);
                Probe("chroot", chroot("/tmp") == 0);
                Probe("setuid-root", setuid(0) == 0);
                Probe("fork", Fork());
                Probe("network", Connect(@PORT@));
                Probe("fill-tmp", FillTmp());
                Probe("write-inherited-fd", write(@INHERITEDFD@, new byte[] { (byte)'x' }, 1) == 1);
                throw new System.InvalidOperationException(Report.ToString());
            }

            private static void Probe(string name, bool succeeded)
            {
                var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                Report.Append(' ').Append(name).Append(succeeded ? "=ok" : $"=denied({errno})");
            }

            private static bool ReadFile(string path)
            {
                var fd = open(path, 0, 0);
                if (fd < 0)
                {
                    return false;
                }

                var buffer = new byte[64];
                var n = read(fd, buffer, buffer.Length);
                close(fd);
                return n > 0;
            }

            private static bool WriteFile(string path, string text)
            {
                var fd = open(path, 0x1 | 0x40 | 0x200, 420); // O_WRONLY | O_CREAT | O_TRUNC
                if (fd < 0)
                {
                    return false;
                }

                var bytes = System.Text.Encoding.UTF8.GetBytes(text);
                var n = write(fd, bytes, bytes.Length);
                close(fd);
                return n == bytes.Length;
            }

            private static bool Fork()
            {
                var pid = fork();
                if (pid == 0)
                {
                    // The child: a fork bomb would loop here; exit at once so a failure of the filter is visible, not fatal.
                    System.Environment.Exit(0);
                }

                return pid > 0;
            }

            private static bool Connect(int port)
            {
                var fd = socket(2, 1, 0); // AF_INET, SOCK_STREAM
                if (fd < 0)
                {
                    return false;
                }

                // struct sockaddr_in: family 2, port (network order), 127.0.0.1
                var address = new byte[16];
                address[0] = 2;
                address[2] = (byte)(port >> 8);
                address[3] = (byte)port;
                address[4] = 127;
                address[7] = 1;
                var ok = connect(fd, address, address.Length) == 0;
                close(fd);
                return ok;
            }

            /// <summary>Succeeds when 200 MB could be written to /tmp (the sandbox caps it at 64 MB).</summary>
            private static bool FillTmp()
            {
                var fd = open("/tmp/fill", 0x1 | 0x40 | 0x200, 420);
                if (fd < 0)
                {
                    return false;
                }

                var chunk = new byte[1 << 20];
                long total = 0;
                for (var i = 0; i < 200; i++)
                {
                    var n = write(fd, chunk, chunk.Length);
                    if (n <= 0)
                    {
                        break;
                    }

                    total += n;
                }

                close(fd);
                return total >= 200L << 20;
            }
        }
        """;
}
