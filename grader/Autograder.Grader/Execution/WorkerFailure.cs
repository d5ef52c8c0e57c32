using Autograder.Grader.Results;

namespace Autograder.Grader.Execution;

/// <summary>The worker process hung, crashed or ran out of memory while serving a request.</summary>
internal sealed class WorkerFailure(CheckStatus status, string message) : Exception(message)
{
    public CheckStatus Status { get; } = status;
}
