namespace Autograder.Grader.Checks;

/// <summary>Per-submission facts checks may need: the course root, the item and check being run, the submission seed and the submitted logs.</summary>
internal sealed record GradingEnvironment(
    string CourseRoot,
    string ItemId,
    int CheckIndex,
    ulong Seed,
    IReadOnlyDictionary<string, string> Logs);
