namespace Autograder.Grader.Assignments;

/// <summary>The assignments a course folder defines (a <c>rubrics/&lt;id&gt;.rubric.yaml</c> each), for messages that name the valid ids.</summary>
public static class KnownAssignments
{
    public static IReadOnlyList<string> Ids(string courseRoot)
    {
        var folder = Path.Combine(courseRoot, "rubrics");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.rubric.yaml").Select(f => Path.GetFileName(f)[..^".rubric.yaml".Length]).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>The error for an id the course does not define: <c>unknown assignment 'hw4'; the assignments of /course are: a1, hw3</c>.</summary>
    public static FileNotFoundException Unknown(string courseRoot, string id)
    {
        var ids = Ids(courseRoot);
        return new FileNotFoundException(ids.Count == 0
            ? $"unknown assignment '{id}': {courseRoot} has no rubrics/*.rubric.yaml (is --course-root the course repository?)"
            : $"unknown assignment '{id}'; the assignments of {courseRoot} are: {string.Join(", ", ids)}");
    }
}
