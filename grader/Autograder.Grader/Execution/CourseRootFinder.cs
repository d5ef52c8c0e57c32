namespace Autograder.Grader.Execution;

/// <summary>Finds the course repository root: the nearest folder upwards holding <c>Autograder.sln</c>.</summary>
public static class CourseRootFinder
{
    public static string? TryFind(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autograder.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
