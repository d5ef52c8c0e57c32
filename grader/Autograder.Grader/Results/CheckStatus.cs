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

    /// <summary>The answer could not be read as written (a typo, a wrong form): nothing was evaluated.</summary>
    SyntaxError,
}
