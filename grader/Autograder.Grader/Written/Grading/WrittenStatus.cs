namespace Autograder.Grader.Written.Grading;

/// <summary>How one written question ended.</summary>
public enum WrittenStatus
{
    /// <summary>Every case matched: full points.</summary>
    Passed,

    /// <summary>Some cases matched: their points.</summary>
    Partial,

    /// <summary>Evaluated, wrong.</summary>
    Failed,

    /// <summary>No answer under this id.</summary>
    Unanswered,

    /// <summary>Refused before any evaluation: a construct that is not allowed (a lambda, a statement, a member outside the function table).</summary>
    Rejected,

    /// <summary>Not readable as an answer of its kind: a syntax error, an unknown option, a wrong form (reported with the line and column).</summary>
    SyntaxError,

    /// <summary>Allowed, but did not compile (e.g. a condition where a number is expected).</summary>
    CompileError,

    /// <summary>Compiling or evaluating took too long.</summary>
    Timeout,

    /// <summary>The evaluator failed for reasons other than time (worker crash).</summary>
    Error,

    /// <summary>Graded by hand; 0 automatic points.</summary>
    Manual,
}
