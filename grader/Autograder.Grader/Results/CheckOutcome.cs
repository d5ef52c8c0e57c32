namespace Autograder.Grader.Results;

/// <summary>
/// How a check ended, as a closed hierarchy: <see cref="Passed"/>, <see cref="Failed"/>,
/// <see cref="CompileError"/>, <see cref="PolicyViolated"/>, <see cref="TimedOut"/>,
/// <see cref="Crashed"/>, <see cref="OutOfMemory"/>, <see cref="NotImplemented"/>.
/// The message is written for the student: what was expected, what was found, what to fix (at most
/// twice <see cref="TextLimit.MaxChars"/> characters: it may quote the submission's own texts).
/// </summary>
public abstract record CheckOutcome
{
    private protected CheckOutcome(string message) => Message = TextLimit.Cut(message, 2 * TextLimit.MaxChars);

    public string Message { get; }

    public abstract CheckStatus Status { get; }

    /// <summary>The outcome for a non-passing status (used where the status is computed, e.g. from a worker failure).</summary>
    public static CheckOutcome Of(CheckStatus status, string message) => status switch
    {
        CheckStatus.Passed => new Passed(message),
        CheckStatus.Failed => new Failed(message),
        CheckStatus.CompileError => new CompileError(message),
        CheckStatus.PolicyViolation => new PolicyViolated(message),
        CheckStatus.Timeout => new TimedOut(message),
        CheckStatus.Crashed => new Crashed(message),
        CheckStatus.Oom => new OutOfMemory(message),
        CheckStatus.NotImplemented => new NotImplemented(message),
        CheckStatus.SyntaxError => new SyntaxError(message),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
