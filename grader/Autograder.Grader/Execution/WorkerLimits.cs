namespace Autograder.Grader.Execution;

/// <summary>Resource limits for one worker process; defaults suit the seed assignments' tiny shapes.</summary>
/// <param name="CallTimeout">wall clock for one request (a hang becomes <c>timeout</c>)</param>
/// <param name="HeapLimitBytes">managed heap cap via DOTNET_GCHeapHardLimit (exceeding it becomes <c>oom</c>)</param>
/// <param name="AddressSpaceBytes">RLIMIT_AS for the worker: the heap limit plus <see cref="RuntimeOverheadBytes"/> when not given. It is
/// what bounds native allocations (student code that reaches native memory bypasses the managed heap limit), so it
/// stays well under the machine's memory.</param>
/// <param name="FileSizeBytes">RLIMIT_FSIZE: the largest file the worker may write. It also caps the runtime's W^X double-mapped
/// code heap (a memfd file): Roslyn compiling written answers JITs more than 16 MB of code ("Out of memory." at 16 MB).</param>
/// <param name="Processes">RLIMIT_NPROC (threads count as processes for non-root users)</param>
public sealed record WorkerLimits(
    TimeSpan CallTimeout,
    long HeapLimitBytes = 1L << 30,
    long? AddressSpaceBytes = null,
    long FileSizeBytes = 256L << 20,
    int Processes = 512)
{
    public static WorkerLimits Default { get; } = new(TimeSpan.FromSeconds(10));

    /// <summary>Address space the runtime needs beside the managed heap: code (mapped twice under W^X), thread stacks, native libraries.</summary>
    public const long RuntimeOverheadBytes = 3L << 30;

    /// <summary>The RLIMIT_AS the worker gets.</summary>
    public long AddressSpaceLimit => AddressSpaceBytes ?? HeapLimitBytes + RuntimeOverheadBytes;
}
