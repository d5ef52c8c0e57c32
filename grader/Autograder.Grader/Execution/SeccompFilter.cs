using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Autograder.Grader.Execution;

/// <summary>
/// The seccomp filter the worker runs under (bubblewrap's <c>--seccomp FD</c> reads it as a raw array of
/// classic BPF <c>sock_filter</c> instructions). A deny list in the style of Flatpak's: the system calls
/// that change mounts or namespaces, inspect or write another process, load kernel code, touch keys,
/// clocks or swap, and io_uring, fail with EPERM (io_uring and clone3 with ENOSYS, so the C library and
/// the runtime fall back to the calls the filter can inspect); <c>clone</c> with any namespace flag fails
/// with EPERM, and so does any clone that is not a thread (the worker never starts a process: no fork bomb,
/// no helper program); a call made through another architecture's ABI (x32, 32-bit <c>int 0x80</c>) kills the process.
/// Everything else is left to the rest of the sandbox (no capabilities, uid 65534, read-only root).
/// </summary>
internal static class SeccompFilter
{
    private const uint AuditArchX8664 = 0xC000003E;
    private const uint AuditArchAarch64 = 0xC00000B7;
    private const uint RetAllow = 0x7FFF0000;
    private const uint RetKillProcess = 0x80000000;
    private const uint RetErrno = 0x00050000;
    private const uint Eperm = 1;
    private const uint Enosys = 38;
    private const uint X32SyscallBit = 0x40000000;

    /// <summary>CLONE_THREAD: the only kind of clone the worker may make is a thread of its own process.</summary>
    internal const uint CloneThread = 0x00010000;

    /// <summary>CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWTIME.</summary>
    internal const uint NamespaceFlags = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x00000080;

    /// <summary>Names of the calls that fail with EPERM (each architecture's table below gives their numbers).</summary>
    internal static readonly string[] Denied =
    [
        "mount", "umount2", "pivot_root", "chroot", "fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "open_tree", "mount_setattr",
        "unshare", "setns", "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd",
        "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "bpf", "perf_event_open",
        "keyctl", "add_key", "request_key", "open_by_handle_at", "name_to_handle_at", "userfaultfd",
        "swapon", "swapoff", "reboot", "acct", "settimeofday", "clock_settime", "clock_adjtime", "adjtimex",
        "syslog", "quotactl", "lookup_dcookie", "vhangup", "iopl", "ioperm", "uselib", "fork", "vfork",
    ];

    /// <summary>Names of the calls that fail with ENOSYS ("not supported here": callers fall back).</summary>
    internal static readonly string[] Unsupported = ["clone3", "io_uring_setup", "io_uring_enter", "io_uring_register"];

    private static readonly Dictionary<string, int> X8664 = new(StringComparer.Ordinal)
    {
        ["mount"] = 165, ["umount2"] = 166, ["pivot_root"] = 155, ["chroot"] = 161, ["fsopen"] = 430, ["fsconfig"] = 431,
        ["fsmount"] = 432, ["fspick"] = 433, ["move_mount"] = 429, ["open_tree"] = 428, ["mount_setattr"] = 442,
        ["unshare"] = 272, ["setns"] = 308, ["ptrace"] = 101, ["process_vm_readv"] = 310, ["process_vm_writev"] = 311, ["pidfd_getfd"] = 438,
        ["kexec_load"] = 246, ["kexec_file_load"] = 320, ["init_module"] = 175, ["finit_module"] = 313, ["delete_module"] = 176,
        ["bpf"] = 321, ["perf_event_open"] = 298, ["keyctl"] = 250, ["add_key"] = 248, ["request_key"] = 249,
        ["open_by_handle_at"] = 304, ["name_to_handle_at"] = 303, ["userfaultfd"] = 323, ["swapon"] = 167, ["swapoff"] = 168,
        ["reboot"] = 169, ["acct"] = 163, ["settimeofday"] = 164, ["clock_settime"] = 227, ["clock_adjtime"] = 305, ["adjtimex"] = 159,
        ["syslog"] = 103, ["quotactl"] = 179, ["lookup_dcookie"] = 212, ["vhangup"] = 153, ["iopl"] = 172, ["ioperm"] = 173, ["uselib"] = 134,
        ["fork"] = 57, ["vfork"] = 58,
        ["clone3"] = 435, ["io_uring_setup"] = 425, ["io_uring_enter"] = 426, ["io_uring_register"] = 427, ["clone"] = 56,
    };

    // asm-generic/unistd.h numbering (arm64 has no iopl, ioperm, uselib, fork or vfork: its fork is a clone).
    private static readonly Dictionary<string, int> Aarch64 = new(StringComparer.Ordinal)
    {
        ["mount"] = 40, ["umount2"] = 39, ["pivot_root"] = 41, ["chroot"] = 51, ["fsopen"] = 430, ["fsconfig"] = 431,
        ["fsmount"] = 432, ["fspick"] = 433, ["move_mount"] = 429, ["open_tree"] = 428, ["mount_setattr"] = 442,
        ["unshare"] = 97, ["setns"] = 268, ["ptrace"] = 117, ["process_vm_readv"] = 270, ["process_vm_writev"] = 271, ["pidfd_getfd"] = 438,
        ["kexec_load"] = 104, ["kexec_file_load"] = 294, ["init_module"] = 105, ["finit_module"] = 273, ["delete_module"] = 106,
        ["bpf"] = 280, ["perf_event_open"] = 241, ["keyctl"] = 219, ["add_key"] = 217, ["request_key"] = 218,
        ["open_by_handle_at"] = 265, ["name_to_handle_at"] = 264, ["userfaultfd"] = 282, ["swapon"] = 224, ["swapoff"] = 225,
        ["reboot"] = 142, ["acct"] = 89, ["settimeofday"] = 170, ["clock_settime"] = 112, ["clock_adjtime"] = 266, ["adjtimex"] = 171,
        ["syslog"] = 116, ["quotactl"] = 60, ["lookup_dcookie"] = 18, ["vhangup"] = 58,
        ["clone3"] = 435, ["io_uring_setup"] = 425, ["io_uring_enter"] = 426, ["io_uring_register"] = 427, ["clone"] = 220,
    };

    /// <summary>True when this process's architecture has a table (x86-64, arm64).</summary>
    public static bool Supported => RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>The filter for this process's architecture, as bytes for bubblewrap.</summary>
    public static byte[] Build() => Build(RuntimeInformation.ProcessArchitecture);

    internal static byte[] Build(Architecture architecture)
    {
        var (arch, table) = architecture switch
        {
            Architecture.X64 => (AuditArchX8664, X8664),
            Architecture.Arm64 => (AuditArchAarch64, Aarch64),
            _ => throw new PlatformNotSupportedException($"no seccomp table for {architecture}"),
        };

        var program = new Program();
        program.Load(4);                                    // seccomp_data.arch
        program.JumpIfEqual(arch, "native", null);
        program.Return(RetKillProcess);
        program.Label("native");
        program.Load(0);                                    // seccomp_data.nr
        if (architecture == Architecture.X64)
        {
            program.JumpIfAtLeast(X32SyscallBit, "kill", null);
        }

        foreach (var name in Denied.Where(table.ContainsKey))
        {
            program.JumpIfEqual((uint)table[name], "eperm", null);
        }

        foreach (var name in Unsupported)
        {
            program.JumpIfEqual((uint)table[name], "enosys", null);
        }

        program.JumpIfEqual((uint)table["clone"], null, "allow");
        program.Load(16);                                   // low 32 bits of args[0]: clone's flags
        program.JumpIfAnySet(NamespaceFlags, "eperm", null);
        program.JumpIfAnySet(CloneThread, "allow", "eperm");
        program.Label("allow");
        program.Return(RetAllow);
        program.Label("eperm");
        program.Return(RetErrno | Eperm);
        program.Label("enosys");
        program.Return(RetErrno | Enosys);
        program.Label("kill");
        program.Return(RetKillProcess);
        return program.Assemble();
    }

    /// <summary>A classic BPF program with forward jumps to named labels, resolved by <see cref="Assemble"/>.</summary>
    private sealed class Program
    {
        private const ushort LdWAbs = 0x20;
        private const ushort JeqK = 0x15;
        private const ushort JgeK = 0x35;
        private const ushort JsetK = 0x45;
        private const ushort RetK = 0x06;

        private readonly List<(ushort Code, string? True, string? False, uint K)> _code = [];
        private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);

        public void Load(uint offset) => _code.Add((LdWAbs, null, null, offset));

        public void JumpIfEqual(uint value, string? whenTrue, string? whenFalse) => _code.Add((JeqK, whenTrue, whenFalse, value));

        public void JumpIfAtLeast(uint value, string? whenTrue, string? whenFalse) => _code.Add((JgeK, whenTrue, whenFalse, value));

        public void JumpIfAnySet(uint mask, string? whenTrue, string? whenFalse) => _code.Add((JsetK, whenTrue, whenFalse, mask));

        public void Return(uint action) => _code.Add((RetK, null, null, action));

        public void Label(string name) => _labels[name] = _code.Count;

        public byte[] Assemble()
        {
            var bytes = new byte[_code.Count * 8];
            for (var i = 0; i < _code.Count; i++)
            {
                var (code, whenTrue, whenFalse, k) = _code[i];
                var span = bytes.AsSpan(i * 8, 8);
                BinaryPrimitives.WriteUInt16LittleEndian(span, code);
                span[2] = Offset(i, whenTrue);
                span[3] = Offset(i, whenFalse);
                BinaryPrimitives.WriteUInt32LittleEndian(span[4..], k);
            }

            return bytes;
        }

        private byte Offset(int from, string? label)
        {
            if (label is null)
            {
                return 0;
            }

            var skip = _labels[label] - from - 1;
            return skip is >= 0 and <= byte.MaxValue ? (byte)skip : throw new InvalidOperationException($"seccomp jump to {label} out of range ({skip})");
        }
    }
}
