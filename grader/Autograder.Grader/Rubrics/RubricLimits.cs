namespace Autograder.Grader.Rubrics;

/// <summary>Rubric-level limits: submission sizes and the per-call time the worker gets.</summary>
public sealed record RubricLimits
{
    public long MaxFileBytes { get; init; } = 1_000_000;

    public int MaxEntries { get; init; } = 500;

    public long MaxTotalBytes { get; init; } = 20_000_000;

    public double CallTimeoutSeconds { get; init; } = 10;

    /// <summary>Wall clock the compilation of one submission may take; a file that makes it slower is graded as its stub.</summary>
    public double CompileTimeoutSeconds { get; init; } = 120;

    public long MemoryMb { get; init; } = 1024;
}
