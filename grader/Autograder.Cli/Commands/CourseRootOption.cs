using System.CommandLine;

namespace Autograder.Cli;

/// <summary><c>--course-root</c>: one name, one meaning in every command (the folder holding Autograder.sln).</summary>
internal static class CourseRootOption
{
    public static Option<string?> Create() => new("--course-root")
    {
        Description = "The course repository (default: the folder upwards holding Autograder.sln).",
    };
}
