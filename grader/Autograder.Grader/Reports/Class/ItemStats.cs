using Autograder.Grader.Batch;

namespace Autograder.Grader.Reports.Class;

/// <summary>
/// One rubric item across the class: mean points, the share of students who passed it fully, how many
/// ended in each status, and the most common failure messages (with counts).
/// </summary>
public sealed record ItemStats(
    ManifestItem Item,
    int Students,
    double MeanPoints,
    double PassRate,
    IReadOnlyList<KeyValuePair<string, int>> StatusCounts,
    IReadOnlyList<KeyValuePair<string, int>> TopFailures);
