namespace Autograder.Grader.Intake;

/// <summary>Something wrong with the submission itself, shown to the student; <paramref name="File"/> is the entry's name as submitted.</summary>
public sealed record IntakeProblem(string File, string Message)
{
    public override string ToString() => $"{File}: {Message}";
}
