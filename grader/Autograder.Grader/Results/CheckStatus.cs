namespace Autograder.Grader.Results;

/// <summary>How one check ended. Serialised in snake_case (e.g. <c>compile_error</c>).</summary>
public enum CheckStatus
{
    Passed,
    Failed,
    CompileError,
    PolicyViolation,
    Timeout,
    Crashed,
    Oom,
    NotImplemented,
}
