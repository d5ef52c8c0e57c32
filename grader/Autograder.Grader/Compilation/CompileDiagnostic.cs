namespace Autograder.Grader.Compilation;

/// <summary>A compiler error as the student sees it: <c>Layers/Linear.cs(42,13): error CS0103: ...</c>.</summary>
public sealed record CompileDiagnostic(string File, int Line, int Column, string Id, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): error {Id}: {Message}";
}
