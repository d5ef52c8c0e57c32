namespace Autograder.Grader.Policy;

/// <summary>Per-rubric relaxations of the submission policy.</summary>
/// <param name="AllowConsoleWrite">Console.Write/WriteLine allowed (output is captured and may carry a deduction); every other Console member stays denied</param>
public sealed record PolicyOptions(bool AllowConsoleWrite = false)
{
    public static PolicyOptions Default { get; } = new();
}
