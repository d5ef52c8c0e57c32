using Autograder.Grader.Results;

namespace Autograder.Grader.Reports;

/// <summary>Renders a result in a chosen format.</summary>
public static class ReportWriter
{
    public static string Render(GradeResult result, ReportFormat format) => format switch
    {
        ReportFormat.Text => TextReport.Write(result),
        ReportFormat.Json => JsonReport.Write(result),
        ReportFormat.Gradescope => GradescopeReport.Write(result),
        ReportFormat.Junit => JUnitReport.Write(result),
        ReportFormat.Markdown => MarkdownReport.Write(result),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
