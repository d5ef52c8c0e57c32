namespace Autograder.Grader.Intake;

/// <summary>What a submission may be. Defaults: 1 MB per file, 500 entries, 20 MB uncompressed in total.</summary>
/// <param name="MaxFileBytes">largest accepted file</param>
/// <param name="MaxEntries">most files (or zip entries) looked at</param>
/// <param name="MaxTotalBytes">cap on the uncompressed size of everything read (zip bombs stop here)</param>
public sealed record IntakeLimits(long MaxFileBytes = 1_000_000, int MaxEntries = 500, long MaxTotalBytes = 20_000_000)
{
    public static IntakeLimits Default { get; } = new();
}
