namespace Autograder.Grader.Checks;

/// <summary>
/// Per-submission facts checks may need: the course root, the item and check being run, the submission
/// seed, the submitted logs, the worker's writable folder as the host sees it (for checks that hand the
/// submission input files or read what it wrote) and the student build (for checks that compile a
/// provided program against it).
/// </summary>
internal sealed record GradingEnvironment(
    string CourseRoot,
    string ItemId,
    int CheckIndex,
    ulong Seed,
    IReadOnlyDictionary<string, string> Logs,
    string? ScratchDirectory = null,
    string? StudentAssembly = null);
