namespace Autograder.Worker.Protocol;

/// <summary>
/// The answer to one <see cref="WorkerRequest"/>: a value or an error, plus whatever the submission
/// printed while serving it (captured, never mixed into the protocol stream).
/// </summary>
internal sealed record WorkerResponse(
    int Id,
    bool Ok,
    WireValue? Value = null,
    IReadOnlyList<WireValue>? Args = null,
    WireError? Error = null,
    string? Output = null);
