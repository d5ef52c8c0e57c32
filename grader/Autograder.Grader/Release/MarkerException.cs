namespace Autograder.Grader.Release;

/// <summary>A solution marker problem in a reference file, located by file and 1-based line.</summary>
public sealed class MarkerException : Exception
{
    public MarkerException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file that holds the bad marker.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the bad marker.</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Problem { get; }
}
