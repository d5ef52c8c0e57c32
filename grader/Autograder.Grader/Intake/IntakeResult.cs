namespace Autograder.Grader.Intake;

/// <summary>
/// What intake accepted: the assignment's files found (keyed by their path relative to the course
/// library, e.g. <c>Layers/Linear.cs</c>), the named logs found (keyed by file name), the problems,
/// and the names it ignored. A file that is missing or was rejected is absent from <see cref="Files"/>.
/// </summary>
public sealed record IntakeResult(
    IReadOnlyDictionary<string, string> Files,
    IReadOnlyDictionary<string, string> Logs,
    IReadOnlyList<IntakeProblem> Problems,
    IReadOnlyList<string> Ignored,
    IReadOnlyList<string> Missing,
    IReadOnlyDictionary<string, string> Rejected,
    string ContentHash);
