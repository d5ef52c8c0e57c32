using System.Text.RegularExpressions;
using Autograder.Grader.Results;
using Autograder.Grader.Rubrics;

namespace Autograder.Grader.Reports;

/// <summary>Wire names shared by the reports: snake_case statuses and visibilities.</summary>
internal static partial class Names
{
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    public static string Of(CheckStatus status) => Snake(status.ToString());

    public static string Of(Visibility visibility) => Snake(visibility.ToString());

    private static string Snake(string name) => WordBoundary().Replace(name, "_").ToLowerInvariant();
}
