namespace Autograder.Grader.Rubrics;

/// <summary>Rubric-level relaxations of the submission policy.</summary>
public sealed record RubricPolicy
{
    /// <summary>Console.Write/WriteLine compile and run (captured); use with a <c>prints_output</c> deduction.</summary>
    public bool AllowConsoleWrite { get; init; }
}
