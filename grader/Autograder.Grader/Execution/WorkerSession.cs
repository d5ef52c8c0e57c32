using System.Diagnostics;
using System.Text;
using Autograder.Grader.Results;
using Autograder.Worker.Protocol;

namespace Autograder.Grader.Execution;

/// <summary>
/// One worker process at a time for one student build: started early (<see cref="Start"/>, so the
/// runtime boots while the host compiles) or lazily, reused across checks until it dies, replaced by a
/// fresh one (which reloads the build) on the next request after a timeout, crash or out-of-memory.
/// Each request has a wall-clock limit; on expiry the whole process tree is killed.
/// </summary>
internal sealed class WorkerSession(WorkerLayout layout, WorkerLimits limits) : IExecutor
{
    private const int StderrLimit = 16 * 1024;

    /// <summary>Longest response line read, in bytes (a tensor of about 6 million doubles): a bigger answer fails the check instead of filling the host's memory.</summary>
    internal const int ResponseLimit = 64 << 20;

    /// <summary>How much longer than its CPU limit a call may take on the wall clock (a busy machine slows everything down).</summary>
    internal const int WallFactor = 4;

    /// <summary>How long a dead worker's stderr may take to reach its end after the process exited.</summary>
    private static readonly TimeSpan StderrDrain = TimeSpan.FromSeconds(2);
    private Process? _process;
    private AnswerReader? _answers;
    private ProcessTreeCpu? _cpu;
    private StringBuilder _stderr = new();
    private ManualResetEventSlim _stderrClosed = new(initialState: true);
    private int _nextId;
    private bool _loaded;

    public string Sandbox => SandboxLauncher.Name;

    /// <inheritdoc />
    public double? CpuSeconds => _process is { HasExited: false } ? _cpu?.Seconds() : null;

    /// <inheritdoc />
    public TimeSpan? CallTimeout => limits.CallTimeout;

    /// <summary>The process the session started (bubblewrap, or the worker itself without the sandbox), for tests.</summary>
    internal int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>How many worker processes this session has started (1 when no check killed one).</summary>
    public int Starts { get; private set; }

    public WorkerResponse Execute(WorkerRequest request, TimeSpan? timeout = null)
    {
        EnsureLoaded();
        return Send(request with { Id = ++_nextId }, timeout ?? limits.CallTimeout);
    }

    /// <summary>Starts the worker process without loading the build yet (the build may still be compiling).</summary>
    public void Start()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        Stop();
        var info = SandboxLauncher.Build(layout, limits);
        var process = new Process { StartInfo = info };
        var stderr = new StringBuilder();
        var stderrClosed = new ManualResetEventSlim();
        InheritedDescriptors.CloseOnExec();
        process.Start();
        _ = DrainAsync(process.StandardError.BaseStream, stderr, stderrClosed);
        _process = process;
        _answers = new AnswerReader(process.StandardOutput.BaseStream, ResponseLimit);
        _cpu = new ProcessTreeCpu(process.Id);
        _stderr = stderr;
        _stderrClosed = stderrClosed;
        _loaded = false;
        Starts++;
    }

    /// <summary>
    /// Reads the worker's standard error to its end, keeping its first <see cref="StderrLimit"/> bytes as text (a crash's
    /// "Stack overflow." is there) and dropping the rest. Not the runtime's line reader: it holds a line whole until its
    /// line feed, so a worker writing one endless line (a native write to descriptor 2) grew the grader by 3.4 GB per
    /// GB written.
    /// </summary>
    private static async Task DrainAsync(Stream stream, StringBuilder kept, ManualResetEventSlim closed)
    {
        var buffer = new byte[8192];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var taken = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                var take = Math.Min(read, StderrLimit - taken);
                if (take <= 0)
                {
                    continue; // past the limit: read on, so the worker is never blocked on a full pipe, and keep nothing
                }

                taken += take;
                var count = decoder.GetChars(buffer, 0, take, chars, 0, flush: taken == StderrLimit);
                lock (kept)
                {
                    kept.Append(chars, 0, count);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The worker was killed and its pipe closed under the read: what was kept stays.
        }
        finally
        {
            closed.Set(); // end of stream: everything the worker wrote has been read
        }
    }

    private void EnsureLoaded()
    {
        if (_process is not { HasExited: false })
        {
            Start();
        }

        if (_loaded)
        {
            return;
        }

        var loaded = Send(new WorkerRequest(++_nextId, "load", Path: layout.LibraryPath), limits.CallTimeout + limits.CallTimeout);
        if (!loaded.Ok)
        {
            throw new WorkerFailure(CheckStatus.Crashed, $"the worker could not load the submission: {loaded.Error?.Message}");
        }

        _loaded = true;
    }

    private WorkerResponse Send(WorkerRequest request, TimeSpan timeout)
    {
        var process = _process!;
        Write(process, request, timeout);
        var answers = _answers!;
        var read = Task.Run(answers.ReadLine);
        if (!WaitWithin(read, _cpu!, timeout, out var message))
        {
            Kill(process);
            throw new WorkerFailure(CheckStatus.Timeout, message);
        }

        var (line, tooLong) = read.Result;
        if (tooLong)
        {
            Kill(process);
            throw new WorkerFailure(CheckStatus.Crashed, $"the answer was larger than {ResponseLimit >> 20} MB (a huge tensor?); the worker was stopped");
        }

        if (line is null)
        {
            throw Died(process);
        }

        WorkerResponse response;
        try
        {
            response = AnswerGuard.Check(WireJson.Deserialize<WorkerResponse>(line.Value.Span));
        }
        catch (System.Text.Json.JsonException ex)
        {
            Kill(process);
            throw new WorkerFailure(CheckStatus.Crashed, $"the worker's answer is not valid protocol JSON ({AnswerGuard.Cut(ex.Message)}); the worker was stopped");
        }

        if (response.Error is { Type: "System.OutOfMemoryException" } oom)
        {
            // The heap is poisoned after an OOM; start afresh for the next check.
            Kill(process);
            throw new WorkerFailure(CheckStatus.Oom, $"ran out of memory (limit {limits.HeapLimitBytes / (1 << 20)} MiB): {oom.Message}");
        }

        return response;
    }

    /// <summary>
    /// Writes a request, for at most <see cref="WallFactor"/> times the call's limit (10 s at least). A worker always
    /// waits for the next request once it has answered, but one the submission took over may stop reading and stay alive
    /// (it can stop itself with SIGSTOP): a request bigger than the pipe's buffer (a data set's chunk) would then block the
    /// grader for ever, so the write runs beside the grader, and a write that does not finish stops the worker.
    /// </summary>
    private void Write(Process process, WorkerRequest request, TimeSpan timeout)
    {
        var stdin = process.StandardInput.BaseStream;
        var write = Task.Run(() => WireJson.WriteLine(stdin, request));
        var limit = TimeSpan.FromTicks(Math.Max(timeout.Ticks * WallFactor, TimeSpan.FromSeconds(10).Ticks));
        if (Task.WaitAny([write], limit) < 0)
        {
            Kill(process);
            // Killing the worker closes the pipe, so the blocked write ends with an IOException nobody else waits for.
            _ = write.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new WorkerFailure(CheckStatus.Timeout, $"the worker stopped reading the grader's requests (one was not taken within {limit.TotalSeconds:0.#} s); it was stopped");
        }

        try
        {
            write.GetAwaiter().GetResult(); // the write's own exception, unwrapped, as the synchronous write threw it
        }
        catch (IOException)
        {
            throw Died(process);
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/> while the worker has used at most <paramref name="limit"/> of CPU time
    /// (and at most <see cref="WallFactor"/> times that of wall time, for a worker that blocks without
    /// computing); where CPU time cannot be read, the limit is wall time.
    /// </summary>
    private static bool WaitWithin(Task task, ProcessTreeCpu cpu, TimeSpan limit, out string message)
    {
        var start = cpu.Seconds();
        // One message whichever limit fired, so that the same submission gets the same result on a busy machine.
        message = start is null
            ? $"did not finish within {limit.TotalSeconds:0.#} s (infinite loop?)"
            : $"did not finish within {limit.TotalSeconds:0.#} s of CPU time or {(limit * WallFactor).TotalSeconds:0.#} s of wall-clock time (infinite loop, or blocked?)";
        if (start is null)
        {
            return task.Wait(limit);
        }

        var wall = Stopwatch.StartNew();
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(limit.TotalMilliseconds / 20, 5, 100));
        while (!task.Wait(poll))
        {
            var used = cpu.Seconds() - start;
            if (used is null ? wall.Elapsed > limit : used > limit.TotalSeconds)
            {
                return false;
            }

            if (wall.Elapsed > limit * WallFactor)
            {
                return false;
            }
        }

        return true;
    }

    private WorkerFailure Died(Process process)
    {
        // WaitForExit with a timeout does not wait for the asynchronous stderr reader: the runtime's "Stack overflow."
        // could still be in the pipe when the exit is seen (then the check said "exited with code 134": 2 of 12
        // isolated runs of its test). Wait for the end of the stream too, bounded: a process left holding the pipe open
        // must not hang the grade.
        if (process.WaitForExit(5_000))
        {
            _stderrClosed.Wait(StderrDrain);
        }

        string text;
        lock (_stderr)
        {
            text = _stderr.ToString();
        }

        var code = process.HasExited ? process.ExitCode : -1;
        Kill(process);
        if (text.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return new WorkerFailure(CheckStatus.Crashed, "crashed with a stack overflow (unbounded recursion?)");
        }

        if (text.Contains("OutOfMemory", StringComparison.Ordinal) || text.Contains("Out of memory", StringComparison.OrdinalIgnoreCase))
        {
            return new WorkerFailure(CheckStatus.Oom, "ran out of memory");
        }

        var tail = string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(3));
        return new WorkerFailure(CheckStatus.Crashed, $"the worker process exited with code {code}{(tail.Length > 0 ? $": {tail}" : "")}");
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(2_000))
                {
                    Kill(_process);
                }
            }
        }
        catch (IOException)
        {
            Kill(_process);
        }

        _process.Dispose();
        _process = null;
        _cpu?.Dispose();
        _cpu = null;
        _loaded = false;
    }

    public void Dispose() => Stop();
}
