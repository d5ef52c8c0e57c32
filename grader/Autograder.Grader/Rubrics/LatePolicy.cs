namespace Autograder.Grader.Rubrics;

/// <summary>Late penalty: <see cref="PerDay"/> of the score per started day late, at most <see cref="Max"/> (both fractions).</summary>
public sealed record LatePolicy
{
    public double PerDay { get; init; }

    public double Max { get; init; } = 1.0;
}
