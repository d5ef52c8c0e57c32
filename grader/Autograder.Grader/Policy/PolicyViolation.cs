namespace Autograder.Grader.Policy;

/// <summary>One use of something submissions may not use, e.g. <c>Layers/Linear.cs(42,13): System.IO.File is not allowed in submissions</c>.</summary>
public sealed record PolicyViolation(string File, int Line, int Column, string Rule, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Message}";
}
