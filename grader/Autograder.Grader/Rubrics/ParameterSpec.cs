namespace Autograder.Grader.Rubrics;

/// <summary>What an <c>init</c> check expects of one parameter: its shape and the mean/std of its entries (with tolerance).</summary>
public sealed record ParameterSpec
{
    public List<int>? Shape { get; init; }

    public double? Mean { get; init; }

    public double? Std { get; init; }

    /// <summary>Allowed absolute deviation of the sample mean and std; default 0.02.</summary>
    public double Tolerance { get; init; } = 0.02;
}
