namespace Autograder.Grader.Written.Wire;

/// <summary>The evaluator could not answer a batch (worker timeout, crash, out of memory).</summary>
public sealed class WrittenEvaluatorException(string message, bool timedOut) : Exception(message)
{
    public bool TimedOut { get; } = timedOut;
}
