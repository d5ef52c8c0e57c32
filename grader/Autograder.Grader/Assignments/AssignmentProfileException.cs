namespace Autograder.Grader.Assignments;

/// <summary>A problem in an assignment profile, located by file, YAML path (e.g. <c>public_checks[2].points</c>) and 1-based line.</summary>
public sealed class AssignmentProfileException : Exception
{
    public AssignmentProfileException(string file, string yamlPath, int line, string problem)
        : base($"{file}:{line}: {(yamlPath.Length == 0 ? "" : yamlPath + ": ")}{problem}")
    {
        File = file;
        YamlPath = yamlPath;
        Line = line;
        Problem = problem;
    }

    public string File { get; }

    public string YamlPath { get; }

    public int Line { get; }

    public string Problem { get; }
}
