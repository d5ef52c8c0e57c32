using System.Text.Json;
using System.Text.Json.Nodes;
using Autograder.Grader.Results;

namespace Autograder.Grader.Reports;

/// <summary>Gradescope's results.json: score, execution_time, output, and one test per rubric item with Markdown output.</summary>
public static class GradescopeReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(GradeResult r)
    {
        var output = string.Join("\n", r.Messages.Prepend($"sandbox: {r.Sandbox}; seed {r.Seed}; grader {r.GraderVersion}"));
        var root = new JsonObject
        {
            ["score"] = r.Score,
            ["execution_time"] = (int)Math.Ceiling(r.ExecutionSeconds),
            ["output"] = r.GraderError is { } e ? $"The grader failed: {e}\n{output}" : output,
            ["output_format"] = "md",
            ["visibility"] = "visible",
            ["tests"] = new JsonArray([.. r.Items.Select(i => (JsonNode?)new JsonObject
            {
                ["name"] = $"{i.Id} {i.Title}",
                ["number"] = i.Id,
                ["score"] = i.Points,
                ["max_score"] = i.MaxPoints,
                ["status"] = i.Status == CheckStatus.Passed ? "passed" : "failed",
                ["visibility"] = Names.Of(i.Visibility),
                ["output"] = MarkdownReport.ItemBody(i),
                ["output_format"] = "md",
            })]),
        };
        return root.ToJsonString(Indented);
    }
}
