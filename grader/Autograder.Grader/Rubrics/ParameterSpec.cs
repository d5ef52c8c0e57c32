namespace Autograder.Grader.Rubrics;

/// <summary>What an <c>init</c> check expects of one parameter: its shape and the mean/std of its entries (with tolerance).</summary>
public sealed record ParameterSpec
{
    public List<int>? Shape { get; init; }

    public double? Mean { get; init; }

    public double? Std { get; init; }

    /// <summary>Smallest and largest entry allowed (a uniform range such as U[-0.1, 0.1]).</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Columns that must be exactly 0 (HW5's bias column 0); the other rules read the remaining entries.</summary>
    public List<int>? ZeroColumns { get; init; }

    /// <summary>Allowed absolute deviation of the sample mean and std; default 0.02.</summary>
    public double Tolerance { get; init; } = 0.02;
}
