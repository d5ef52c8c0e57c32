namespace Autograder.Grader.Reports;

/// <summary>The result file formats of <c>autograder grade --format</c>.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Gradescope,
    Junit,
    Markdown,
}
