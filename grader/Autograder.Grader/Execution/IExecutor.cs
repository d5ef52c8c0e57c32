using Autograder.Worker.Protocol;

namespace Autograder.Grader.Execution;

/// <summary>Serves worker requests: in-process on the trusted reference, or in a sandboxed worker on the student build.</summary>
internal interface IExecutor : IDisposable
{
    /// <summary>Runs one request (within <paramref name="timeout"/>, default the session's call limit). A worker that hangs, crashes or runs out of memory throws <see cref="WorkerFailure"/>.</summary>
    WorkerResponse Execute(WorkerRequest request, TimeSpan? timeout = null);

    /// <summary>"full" for a bubblewrap sandbox, "none" for a plain child process, "trusted" in-process.</summary>
    string Sandbox { get; }

    /// <summary>CPU seconds the executor's process tree has used so far, or null where that cannot be read (then callers count wall time).</summary>
    double? CpuSeconds => null;

    /// <summary>The limit of a call made without its own timeout, where the executor has one.</summary>
    TimeSpan? CallTimeout => null;
}
